package prose

import (
	"os"
	"testing"

	"github.com/claimpack/claimpack/build/source"
)

func BenchmarkSentences(b *testing.B) {
	data, err := os.ReadFile("../../../seeds/002_0f50cf8c147c8a09.txt")
	if err != nil {
		b.Fatal(err)
	}
	doc := source.New("d.txt", "d.txt", data)
	b.SetBytes(int64(len(data)))
	for i := 0; i < b.N; i++ {
		Sentences(doc, Blocks(doc, nil))
	}
}
