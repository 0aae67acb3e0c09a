// Package outputs saves a finished job's files to disk: one folder per job,
// named after the job; one file per output, named after the job and its
// format ("Backflip - render.mp4": two outputs share .mp4, so never from the
// extension alone, and files dragged out of their folder stay told apart); fresh URLs fetched
// right before downloading. A small manifest in the folder lets a second run
// skip what is done and resume what is half done, instead of numbering
// duplicates.
package outputs

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"singlecam/core/atomicfile"
	"singlecam/core/guard"
	"singlecam/core/media"
	"singlecam/core/safefile"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
)

// ManifestName is the manifest's file name inside a job's folder.
const ManifestName = ".singlecam-job.json"

// ErrNotReady: the job has not finished, or its outputs have no URLs yet.
var ErrNotReady = errors.New("the job's outputs are not ready yet")

// errUnreadableManifest: a folder's manifest is not one Singlecam wrote.
var errUnreadableManifest = errors.New("unreadable manifest")

// ErrJobFailed: the job failed, so it has no outputs.
var ErrJobFailed = errors.New("the job failed and made no outputs")

// Saver saves jobs' outputs under Root. One job is saved by one call at a
// time (an automatic download and a Download button wait for each other),
// and folders are picked one at a time.
type Saver struct {
	API      *ugc.Client
	Transfer *transfer.Client
	Root     string

	mu      sync.Mutex
	saving  map[string]chan struct{} // by job id: held while the job is saved
	picking sync.Mutex               // held while a folder is found or made
}

// Saved is one output on disk.
type Saved struct {
	Format  string
	Path    string
	Size    int64
	Skipped bool // it was already there from an earlier run
}

// Progress reports one output's download.
type Progress func(format string, done, total int64)

type manifest struct {
	JobID string               `json:"jobId"`
	Name  string               `json:"name,omitempty"` // the job's name the files were named after
	Files map[string]*fileNote `json:"files"`          // by output file id
	// Opened: the user opened the folder from Singlecam, so its files may be
	// in use elsewhere (a DCC's scene): a rename leaves them where they are.
	Opened bool `json:"opened,omitempty"`
	// ignored says which entries readManifest left out, a sentence each.
	ignored []string
}

type fileNote struct {
	Format string `json:"format"`
	Name   string `json:"name"`
	Size   int64  `json:"size,omitempty"`
	Done   bool   `json:"done,omitempty"`
}

// Save downloads a job's outputs (every one, or those whose format is in
// only) into the job's folder, and returns the folder and the files.
func (s *Saver) Save(ctx context.Context, jobID string, only []string, progress Progress) (string, []Saved, error) {
	return s.SaveIn(ctx, s.Root, jobID, only, progress)
}

// SaveIn is Save into root instead of Root: for a submission that asked for
// its own folder.
func (s *Saver) SaveIn(ctx context.Context, root, jobID string, only []string, progress Progress) (string, []Saved, error) {
	release, err := s.hold(ctx, jobID)
	if err != nil {
		return "", nil, err
	}
	defer release()
	if progress == nil {
		progress = func(string, int64, int64) {}
	}
	job, err := s.API.GetJob(ctx, jobID)
	if err != nil {
		return "", nil, err
	}
	switch {
	case job.State == ugc.StateFailed || job.State == ugc.StateCancelled:
		return "", nil, fmt.Errorf("%s: %w", jobLabel(job), ErrJobFailed)
	case !job.OutputsReady():
		return "", nil, fmt.Errorf("%s: %w", jobLabel(job), ErrNotReady)
	}
	dir, m, err := s.folder(root, job)
	if err != nil {
		return "", nil, err
	}
	var saved []Saved
	for _, out := range job.Outputs {
		if len(only) > 0 && !slices.Contains(only, out.Format) {
			continue
		}
		item, err := s.saveOne(ctx, job.ID, dir, m, out, progress)
		if err != nil {
			return dir, saved, err
		}
		saved = append(saved, item)
	}
	return dir, saved, nil
}

func (s *Saver) saveOne(ctx context.Context, jobID, dir string, m *manifest, out ugc.Output, progress Progress) (Saved, error) {
	note := m.Files[out.File.ID]
	if note != nil && note.Done {
		path := filepath.Join(dir, note.Name)
		if info, err := os.Stat(path); err == nil && info.Size() == note.Size {
			return Saved{Format: out.Format, Path: path, Size: note.Size, Skipped: true}, nil
		}
	}
	if note == nil || note.Done { // new, or done but since deleted or changed
		name := filepath.Base(transfer.UniquePath(dir, JobFileName(m.Name, out)))
		note = &fileNote{Format: out.Format, Name: name}
		m.Files[out.File.ID] = note
		// Noted before downloading, so a resumed run finds its .part.
		if err := writeManifest(dir, m); err != nil {
			return Saved{}, err
		}
	}
	path := filepath.Join(dir, note.Name)
	url := func(ctx context.Context, fresh bool) (string, error) {
		if !fresh {
			return out.File.PresignedURL, nil
		}
		job, err := s.API.GetJob(ctx, jobID)
		if err != nil {
			return "", err
		}
		for _, o := range job.Outputs {
			if o.File.ID == out.File.ID && o.File.PresignedURL != "" {
				return o.File.PresignedURL, nil
			}
		}
		return "", fmt.Errorf("output %s: %w", out.Format, ErrNotReady)
	}
	size, err := s.Transfer.Download(ctx, url, path, func(done, total int64) { progress(out.Format, done, total) })
	if err != nil {
		return Saved{}, fmt.Errorf("download %s: %w", out.Format, err)
	}
	note.Size, note.Done = size, true
	if err := writeManifest(dir, m); err != nil {
		return Saved{}, err
	}
	return Saved{Format: out.Format, Path: path, Size: size}, nil
}

// maxFolderNumber bounds the numbering of folders of jobs with one name.
const maxFolderNumber = 1000

// hold waits until no other call saves the job, then keeps it for this one
// until release is called.
func (s *Saver) hold(ctx context.Context, jobID string) (release func(), err error) {
	s.mu.Lock()
	if s.saving == nil {
		s.saving = map[string]chan struct{}{}
	}
	slot, ok := s.saving[jobID]
	if !ok {
		slot = make(chan struct{}, 1)
		s.saving[jobID] = slot
	}
	s.mu.Unlock()
	select {
	case slot <- struct{}{}:
		return func() { <-slot }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("save %s: %w", jobID, ctx.Err())
	}
}

// folder finds or makes the job's folder: root/<job name, else id>, numbered
// when another job already has that name. Anything but a name already taken
// (root is a file, a folder Singlecam cannot enter) ends the search with an
// error, instead of trying names forever. Folders are picked one at a time.
// A job's folder keeps its name when the job is renamed and the folder could
// not follow, so the manifests are asked first.
func (s *Saver) folder(root string, job ugc.Job) (string, *manifest, error) {
	s.picking.Lock()
	defer s.picking.Unlock()
	if dir := findFolder(root, job.ID); dir != "" {
		if m, err := readManifest(dir); err == nil {
			if m.Name == "" {
				m.Name = jobLabel(job) // a folder from before names carried the job's
			}
			return dir, m, nil
		}
	}
	base := safefile.SafeName(jobLabel(job))
	for n := 1; n <= maxFolderNumber; n++ {
		name := base
		if n > 1 {
			name = fmt.Sprintf("%s (%d)", base, n)
		}
		dir := filepath.Join(root, name)
		m, err := readManifest(dir)
		switch {
		case err == nil && m.JobID == job.ID:
			return dir, m, nil
		case err == nil, errors.Is(err, errUnreadableManifest):
			continue // another job's folder, or one that is not ours
		case !errors.Is(err, fs.ErrNotExist):
			return "", nil, cannotSave(root, err)
		}
		_, statErr := os.Lstat(dir)
		switch {
		case statErr == nil:
			continue // taken by something that is not a job's folder
		case !errors.Is(statErr, fs.ErrNotExist):
			return "", nil, cannotSave(root, statErr)
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			if errors.Is(err, fs.ErrExist) {
				continue // made meanwhile by someone else
			}
			return "", nil, cannotSave(root, err)
		}
		m = &manifest{JobID: job.ID, Name: jobLabel(job), Files: map[string]*fileNote{}}
		return dir, m, writeManifest(dir, m)
	}
	return "", nil, &DestinationError{Dir: root, Reason: fmt.Sprintf("%d folders named %s are there already", maxFolderNumber, base)}
}

// cannotSave explains a failure to make a job's folder under root.
func cannotSave(root string, err error) error {
	if derr := CheckDestination(root, 0); derr != nil {
		return derr
	}
	return &DestinationError{Dir: root, Reason: media.Reason(err), Err: err}
}

func jobLabel(job ugc.Job) string {
	if strings.TrimSpace(job.Name) != "" {
		return job.Name
	}
	return job.ID
}

// maxManifestBytes bounds a manifest: Singlecam's are a few hundred bytes
// per output; a folder copied from elsewhere may hold anything.
const maxManifestBytes = 1 << 20

// readManifest reads a job folder's manifest. A folder may have been copied
// or edited, so its names are not trusted: a file noted under anything but
// a plain name inside the folder (safefile.IsPlain: no separator, no "..")
// is left out, and said in m.ignored, so nothing is ever read, downloaded
// or renamed outside the folder.
func readManifest(dir string) (*manifest, error) {
	f, err := guard.Open(filepath.Join(dir, ManifestName)) // a named pipe would block for ever
	if err != nil {
		return nil, err
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxManifestBytes+1))
	if err != nil {
		return nil, err
	}
	var m manifest
	if len(data) > maxManifestBytes || json.Unmarshal(data, &m) != nil || m.JobID == "" {
		return nil, fmt.Errorf("%s: %w", dir, errUnreadableManifest)
	}
	if m.Files == nil {
		m.Files = map[string]*fileNote{}
	}
	for id, note := range m.Files {
		if note == nil || !safefile.IsPlain(note.Name) || note.Name == ManifestName {
			name := ""
			if note != nil {
				name = note.Name
			}
			m.ignored = append(m.ignored, fmt.Sprintf("the manifest in %s names a file %q, which is not a plain name in that folder: ignored", dir, name))
			delete(m.Files, id)
		}
	}
	return &m, nil
}

// writeManifest replaces the manifest atomically (see atomicfile.Write).
func writeManifest(dir string, m *manifest) error {
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return err
	}
	if err := atomicfile.Write(filepath.Join(dir, ManifestName), data, 0o644); err != nil {
		return fmt.Errorf("write the manifest in %s: %w", dir, err)
	}
	return nil
}
