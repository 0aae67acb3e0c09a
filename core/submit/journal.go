package submit

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"time"

	"singlecam/core/atomicfile"
	"singlecam/core/guard"
	"singlecam/core/safefile"
)

// Journal keeps submission records on disk, one JSON file each, written
// atomically: a crash leaves either the old record or the new, never half.
type Journal struct {
	dir  string
	mu   sync.Mutex
	held map[string]*os.File // records this journal drives, by id: their lock files
}

// lockDir holds the lock files, beside the records.
const lockDir = "locks"

// OpenJournal opens (making it if needed) the journal in dir.
func OpenJournal(dir string) (*Journal, error) {
	if err := os.MkdirAll(filepath.Join(dir, lockDir), 0o700); err != nil {
		return nil, fmt.Errorf("open journal: %w", err)
	}
	return &Journal{dir: dir, held: map[string]*os.File{}}, nil
}

func (j *Journal) path(id string) string { return filepath.Join(j.dir, id+".json") }

// Save writes a record durably (see atomicfile.Write): a crash or a power
// cut leaves the old record or the new, never half.
func (j *Journal) Save(r *Record) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	data, err := json.MarshalIndent(r, "", "  ")
	if err != nil {
		return fmt.Errorf("journal %s: %w", r.ID, err)
	}
	if err := atomicfile.Write(j.path(r.ID), data, 0o600); err != nil {
		return fmt.Errorf("journal %s: %w", r.ID, err)
	}
	return nil
}

// Load reads every record, oldest first. Files it cannot read are skipped
// and named in the error, so one damaged record does not hide the others.
func (j *Journal) Load() ([]*Record, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	entries, err := os.ReadDir(j.dir)
	if err != nil {
		return nil, fmt.Errorf("read journal: %w", err)
	}
	var records []*Record
	var damaged []string
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".json") {
			continue
		}
		data, err := readRecord(filepath.Join(j.dir, e.Name()))
		var r Record
		// A record's id names its files (the record, its lock): only an id
		// that is its own file's plain name is used, so an edited or copied
		// record never leads a save or a removal outside the journal.
		if err != nil || json.Unmarshal(data, &r) != nil || r.ID == "" || r.ID+".json" != e.Name() || !safefile.IsPlain(e.Name()) {
			damaged = append(damaged, e.Name())
			continue
		}
		records = append(records, &r)
	}
	sort.Slice(records, func(a, b int) bool { return records[a].Created.Before(records[b].Created) })
	if len(damaged) > 0 {
		return records, fmt.Errorf("journal entries that could not be read: %s", strings.Join(damaged, ", "))
	}
	return records, nil
}

// Get reads one record, without reading the others.
func (j *Journal) Get(id string) (*Record, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if !safefile.IsPlain(id + ".json") {
		return nil, fmt.Errorf("journal %q: not a record's name", id)
	}
	data, err := readRecord(j.path(id))
	if err != nil {
		return nil, fmt.Errorf("journal %s: %w", id, err)
	}
	var r Record
	if err := json.Unmarshal(data, &r); err != nil || r.ID != id {
		return nil, fmt.Errorf("journal %s: the record cannot be read", id)
	}
	return &r, nil
}

// maxRecordBytes bounds a record read back: Singlecam's are about a
// kilobyte.
const maxRecordBytes = 1 << 20

// readRecord reads a record's file, refusing one larger than any record.
func readRecord(path string) ([]byte, error) {
	f, err := guard.Open(path) // a named pipe would block for ever
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxRecordBytes+1))
	if err == nil && len(data) > maxRecordBytes {
		err = fmt.Errorf("%s: larger than any journal record", filepath.Base(path))
	}
	return data, err
}

// KeepDelivered is how long a delivered record is kept: long enough to
// tell a user who submits the same video again that it is already done.
const KeepDelivered = 30 * 24 * time.Hour

// prune forgets the records delivered before cutoff, and returns the others.
func (j *Journal) prune(records []*Record, cutoff time.Time) []*Record {
	kept := records[:0:0]
	for _, r := range records {
		if r.Delivered && r.Updated.Before(cutoff) && j.Remove(r.ID) == nil {
			_ = os.Remove(filepath.Join(j.dir, lockDir, r.ID+".lock"))
			continue
		}
		kept = append(kept, r)
	}
	return kept
}

// Remove forgets a record.
func (j *Journal) Remove(id string) error {
	j.mu.Lock()
	defer j.mu.Unlock()
	if err := os.Remove(j.path(id)); err != nil && !os.IsNotExist(err) {
		return fmt.Errorf("journal %s: %w", id, err)
	}
	return nil
}
