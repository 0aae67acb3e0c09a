package submit

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// A record whose id is not its own file's name (copied, edited, crafted)
// is left out with a note: its id would name files outside the journal.
func TestAJournalRecordWhoseIDLeavesTheJournalIsIgnored(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "journal")
	j, err := OpenJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := j.Save(&Record{ID: "sub-1", Created: time.Now()}); err != nil {
		t.Fatal(err)
	}
	victim := filepath.Join(root, "victim.json")
	os.WriteFile(victim, []byte("mine"), 0o644)
	for name, body := range map[string]string{
		"evil.json":  `{"id": "../victim"}`,
		"other.json": `{"id": "sub-1"}`,
		"huge.json":  `{"id": "huge", "x": "` + strings.Repeat("a", maxRecordBytes) + `"}`,
	} {
		os.WriteFile(filepath.Join(dir, name), []byte(body), 0o600)
	}
	records, err := j.Load()
	if len(records) != 1 || records[0].ID != "sub-1" {
		t.Errorf("loaded %d records", len(records))
	}
	if err == nil || !strings.Contains(err.Error(), "evil.json") || !strings.Contains(err.Error(), "huge.json") {
		t.Errorf("the note: %v", err)
	}
	if _, err := j.Get("../victim"); err == nil {
		t.Error("Get read a record outside the journal")
	}
	if got, _ := os.ReadFile(victim); string(got) != "mine" {
		t.Errorf("the file outside became %q", got)
	}
}
