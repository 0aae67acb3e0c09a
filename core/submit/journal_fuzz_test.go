package submit

import (
	"os"
	"path/filepath"
	"testing"

	"singlecam/core/hostile"
)

// FuzzJournalLoad: whatever a journal record's file holds, loading never
// panics, and a record is kept only under its own id's file name.
func FuzzJournalLoad(f *testing.F) {
	f.Add("sub-1", []byte(`{"id":"sub-1"}`))
	f.Add("evil", []byte(`{"id":"../victim"}`))
	f.Add("x", []byte(`{"id":"x","created":"not a time"}`))
	for _, data := range hostile.Seeds(hostile.Journal, "") { // crafted files (core/hostile)
		f.Add("r", data)
	}
	f.Fuzz(func(t *testing.T, name string, data []byte) {
		if len(name) == 0 || len(name) > 100 || filepath.Base(name) != name || name == "." || name == ".." {
			return
		}
		dir := t.TempDir()
		j, err := OpenJournal(dir)
		if err != nil {
			t.Fatal(err)
		}
		if os.WriteFile(filepath.Join(dir, name+".json"), data, 0o600) != nil {
			return // a name this file system refuses
		}
		records, _ := j.Load()
		for _, r := range records {
			if r.ID != name {
				t.Fatalf("record %q kept from %s.json", r.ID, name)
			}
		}
	})
}
