package release

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/claimpack/claimpack/build"
)

// IndexFile lists the releases of a datasets directory.
const IndexFile = "index.json"

// FirstVersion is the version of the first release.
const FirstVersion = "1.0.0"

// NextVersion returns the version a release of res would get in the
// datasets directory dir.
func NextVersion(dir string, res *build.Result) (string, error) {
	data, err := os.ReadFile(filepath.Join(dir, IndexFile))
	if errors.Is(err, fs.ErrNotExist) {
		return FirstVersion, nil
	}
	if err != nil {
		return "", fmt.Errorf("read releases: %w", err)
	}
	var idx struct{ Releases []struct{ Version string } }
	if err := json.Unmarshal(data, &idx); err != nil {
		return "", fmt.Errorf("read %s: %w", filepath.Join(dir, IndexFile), err)
	}
	if len(idx.Releases) == 0 {
		return FirstVersion, nil
	}
	return "", errors.New("versioning against earlier releases is not built yet")
}
