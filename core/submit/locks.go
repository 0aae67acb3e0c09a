package submit

import (
	"fmt"
	"os"
	"path/filepath"
)

// Claim makes this journal the only one, in any process, to drive the
// record id: it takes a lock file that the OS releases when the process
// ends, so a crash never leaves a record locked. A record already held,
// by another process or by this journal, gives false.
func (j *Journal) Claim(id string) (bool, error) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if _, held := j.held[id]; held {
		return false, nil
	}
	f, err := os.OpenFile(filepath.Join(j.dir, lockDir, id+".lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return false, fmt.Errorf("lock %s: %w", id, err)
	}
	ok, err := lockFile(f, false)
	if err != nil || !ok {
		f.Close()
		if err != nil {
			return false, fmt.Errorf("lock %s: %w", id, err)
		}
		return false, nil
	}
	j.held[id] = f
	return true, nil
}

// holds reports whether this journal holds the claim on a record.
func (j *Journal) holds(id string) bool {
	j.mu.Lock()
	defer j.mu.Unlock()
	_, held := j.held[id]
	return held
}

// Release gives up the claim on a record (a no-op if not held).
func (j *Journal) Release(id string) {
	j.mu.Lock()
	defer j.mu.Unlock()
	if f, held := j.held[id]; held {
		f.Close() // closing the file drops its lock
		delete(j.held, id)
	}
}

// ReleaseAll gives up every claim this journal holds.
func (j *Journal) ReleaseAll() {
	j.mu.Lock()
	defer j.mu.Unlock()
	for id, f := range j.held {
		f.Close()
		delete(j.held, id)
	}
}

// exclusive runs fn while holding the journal's own lock, which every
// process takes to look for a matching submission and journal a new one:
// two processes handed the same video never both decide it is new.
func (j *Journal) exclusive(fn func() error) error {
	f, err := os.OpenFile(filepath.Join(j.dir, lockDir, "journal.lock"), os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		return fmt.Errorf("lock the journal: %w", err)
	}
	defer f.Close() // closing the file drops its lock
	if _, err := lockFile(f, true); err != nil {
		return fmt.Errorf("lock the journal: %w", err)
	}
	return fn()
}
