package quantity

import (
	"os"
	"testing"
)

func BenchmarkFindSentence(b *testing.B) {
	f := NewFinder(testLexicon(b))
	text := "In 2023, bilateral trade exceeded $8.4 billion, up 5%, and nearly 100 Chinese enterprises operate in Belarus."
	for b.Loop() {
		f.Find(text)
	}
}

func BenchmarkFindDocument(b *testing.B) {
	data, err := os.ReadFile("../../../seeds/002_0f50cf8c147c8a09.txt")
	if err != nil {
		b.Skip(err)
	}
	f := NewFinder(testLexicon(b))
	text := string(data)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		f.Find(text)
	}
}

func BenchmarkNewFinder(b *testing.B) {
	lex := testLexicon(b)
	for b.Loop() {
		NewFinder(lex)
	}
}
