package gltf

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"testing"
)

// floodedDocs are documents that hold many small values in one of the
// arrays a decoder fills with large structs, n of them.
func floodedDocs(n int) map[string][]byte {
	out := map[string][]byte{}
	for _, key := range []string{"accessors", "nodes", "bufferViews", "animations", "extensionsUsed"} {
		for _, body := range []string{`{}`, `0`, `{"name":"a"}`} {
			out[fmt.Sprintf("%d %s of %s", n, key, body)] = []byte(`{"asset":{"version":"2.0"},"` + key + `":[` +
				strings.Repeat(body+",", n-1) + body + `]}`)
		}
	}
	return out
}

func TestFloodedJSONIsRefusedBeforeDecoding(t *testing.T) {
	for name, doc := range floodedDocs(maxJSONValues + 1) {
		var err error
		used := allocated(func() { _, err = Read(bytes.NewReader(doc), int64(len(doc)), Options{Animation: -1}) })
		if !errors.Is(err, ErrNotGLTF) || !strings.Contains(err.Error(), "more objects") {
			t.Errorf("%s: %v, want a refusal for its size", name, err)
		}
		if used > uint64(len(doc))+1<<20 { // the text itself, and little more
			t.Errorf("%s: allocated %d kB to refuse %d kB", name, used>>10, len(doc)>>10)
		}
	}
}

func TestJSONJustWithinTheLimitsStaysWithinTheBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes large documents")
	}
	for name, doc := range floodedDocs(min(maxJSONObjects, maxJSONValues) - 10) {
		var err error
		used := allocated(func() { _, err = Read(bytes.NewReader(doc), int64(len(doc)), Options{Animation: -1}) })
		if err == nil {
			t.Errorf("%s: read", name)
		}
		if used > memoryBudget {
			t.Errorf("%s: allocated %d MB", name, used>>20)
		}
	}
}
