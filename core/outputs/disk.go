package outputs

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"singlecam/core/safefile"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
)

// OnDisk is what a job's folder holds: the files saved in full, as its
// manifest says and the disk confirms.
type OnDisk struct {
	JobID  string
	Folder string
	Files  []Saved
	// Notes say what the folder's manifest held that was ignored (a file
	// name leading outside the folder), a sentence each.
	Notes []string
}

// Scan reads the manifests of the job folders under root: which jobs have
// files saved, and where. A missing root is no error: nothing is saved yet.
func Scan(root string) (map[string]OnDisk, error) {
	entries, err := os.ReadDir(root)
	if errors.Is(err, os.ErrNotExist) {
		return map[string]OnDisk{}, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", root, err)
	}
	found := map[string]OnDisk{}
	for _, entry := range entries {
		if !entry.IsDir() {
			continue
		}
		dir := filepath.Join(root, entry.Name())
		m, err := readManifest(dir)
		if err != nil {
			continue // not a job's folder, or not ours
		}
		d := OnDisk{JobID: m.JobID, Folder: dir, Notes: m.ignored}
		for _, note := range m.Files {
			if !note.Done {
				continue
			}
			path := filepath.Join(dir, note.Name)
			if info, err := os.Stat(path); err == nil && info.Size() == note.Size {
				d.Files = append(d.Files, Saved{Format: note.Format, Path: path, Size: note.Size, Skipped: true})
			}
		}
		if len(d.Files) > 0 {
			found[m.JobID] = d
		}
	}
	return found, nil
}

// MarkOpened notes in a job's folder that the user opened it: from then on
// a rename of the job leaves the folder and its files as they are.
func MarkOpened(folder string) error {
	m, err := readManifest(folder)
	if err != nil {
		return err
	}
	if m.Opened {
		return nil
	}
	m.Opened = true
	return writeManifest(folder, m)
}

// Renamed says what a job's rename did on disk.
type Renamed struct {
	Folder string // the job's folder now ("" when it has none)
	Moved  bool   // the folder and its files took the new name
	// Kept: the folder was opened, so its files may be in use elsewhere and
	// keep their old names.
	Kept bool
	// from is the job's folder before the rename, and names the files
	// that took the new name (old base name → new), for Follow.
	from  string
	names map[string]string
}

// Follow is where the file that was at path is after the rename: a window
// that still holds a job's file (a player, Apply to a character…) finds
// it under its new name and folder. A path outside the job's old folder is
// returned as it is.
func (r Renamed) Follow(path string) string {
	rel, ok := r.inFolder(path)
	if !ok {
		return path
	}
	if fresh, ok := r.names[rel]; ok {
		rel = fresh
	}
	return filepath.Join(r.Folder, rel)
}

// Holds reports whether path is a file of the renamed job's folder (as it
// was before the rename): the window holding it shows that job.
func (r Renamed) Holds(path string) bool {
	_, ok := r.inFolder(path)
	return ok
}

// inFolder is path relative to the job's folder before the rename, and
// whether it lies inside it.
func (r Renamed) inFolder(path string) (string, bool) {
	if r.from == "" || r.Folder == "" {
		return "", false
	}
	rel, err := filepath.Rel(r.from, filepath.Clean(path))
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return rel, true
}

// Rename gives a job's folder and files its new name, unless the folder was
// opened (its files may be in a scene elsewhere, which would lose them).
// Files the user renamed are left alone. The job's folder is looked for
// under root; a save of the job in progress is waited for.
func (s *Saver) Rename(ctx context.Context, root, jobID, name string) (Renamed, error) {
	release, err := s.hold(ctx, jobID)
	if err != nil {
		return Renamed{}, err
	}
	defer release()
	s.picking.Lock()
	defer s.picking.Unlock()
	d := OnDisk{Folder: findFolder(root, jobID)}
	if d.Folder == "" {
		return Renamed{}, nil
	}
	m, err := readManifest(d.Folder)
	if err != nil {
		return Renamed{}, err
	}
	if m.Opened {
		return Renamed{Folder: d.Folder, Kept: true, from: d.Folder}, nil
	}
	oldPrefix := safefile.SafeName(m.Name) + " - "
	newName := strings.TrimSpace(name)
	// Every answer from here says which files took the new name, even
	// after a failure half way: windows holding one must follow it.
	r := Renamed{Folder: d.Folder, from: d.Folder, names: map[string]string{}}
	for id, note := range m.Files {
		if !note.Done || m.Name == "" || !strings.HasPrefix(note.Name, oldPrefix) {
			continue
		}
		fresh := filepath.Base(transfer.UniquePath(d.Folder, JobFileName(newName, outputOf(note, id))))
		if err := os.Rename(filepath.Join(d.Folder, note.Name), filepath.Join(d.Folder, fresh)); err != nil {
			return r, fmt.Errorf("rename %s: %w", note.Name, err)
		}
		r.names[note.Name] = fresh
		note.Name = fresh
	}
	m.Name = newName
	if err := writeManifest(d.Folder, m); err != nil {
		return r, err
	}
	folder := transfer.UniquePath(root, safefile.SafeName(newName))
	if filepath.Base(d.Folder) == safefile.SafeName(newName) {
		r.Moved = true
		return r, nil
	}
	if err := os.Rename(d.Folder, folder); err != nil {
		return r, fmt.Errorf("rename %s: %w", d.Folder, err)
	}
	r.Folder, r.Moved = folder, true
	return r, nil
}

// outputOf rebuilds enough of an output from its manifest note to name it.
func outputOf(note *fileNote, fileID string) ugc.Output {
	return ugc.Output{Format: note.Format, File: ugc.File{ID: fileID, Type: filepath.Ext(note.Name)}}
}

// findFolder is the folder under root whose manifest names the job, or "".
func findFolder(root, jobID string) string {
	entries, _ := os.ReadDir(root)
	for _, entry := range entries {
		if !entry.IsDir() {
			continue
		}
		dir := filepath.Join(root, entry.Name())
		if m, err := readManifest(dir); err == nil && m.JobID == jobID {
			return dir
		}
	}
	return ""
}
