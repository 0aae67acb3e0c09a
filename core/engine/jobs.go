package engine

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"singlecam/core/outputs"
	"singlecam/core/submit"
	"singlecam/core/ugc"
)

// A job's whole life as the jobs list offers it: what is on disk, a
// cancelled upload, a failed job sent again, a row removed from the list.

// OnDisk says which jobs have files saved, and where: the manifests in the
// job folders of the download folder (and of the folders this account's
// submissions asked for), read afresh. A restart shows saved jobs as saved
// from this, whatever Move says of them.
func (e *Engine) OnDisk() (map[string]outputs.OnDisk, error) {
	found, err := outputs.Scan(e.saver.Root)
	if err != nil {
		return nil, err
	}
	records, _ := e.queue.Journal().Load()
	scanned := map[string]bool{filepath.Clean(e.saver.Root): true}
	for _, r := range records {
		root := r.Request.OutputDir
		if root == "" || scanned[filepath.Clean(root)] || !e.queue.Mine(r) {
			continue
		}
		scanned[filepath.Clean(root)] = true
		more, _ := outputs.Scan(root) // a folder since gone hides nothing else
		for id, d := range more {
			if _, ok := found[id]; !ok {
				found[id] = d
			}
		}
	}
	return found, nil
}

// Cancel stops a submission that has not asked Move for its job yet: the
// upload stops and nothing is charged. It fails with
// submit.ErrTooLateToCancel once the job may exist.
// A submission of another account's key is not this key's to cancel.
func (e *Engine) Cancel(submissionID string) error {
	if rec := e.record(submissionID); rec != nil && !e.queue.Mine(rec) {
		return fmt.Errorf("cancel %s: %w", submissionID, errOtherAccount)
	}
	return e.queue.Cancel(submissionID)
}

// Hold keeps a running submission from starting its next step while the
// user is asked whether to cancel it (see submit.Queue.Hold): its upload
// under way ends, no take or job is asked for until Release or Cancel. It
// fails with submit.ErrTooLateToCancel once the paid call has started.
func (e *Engine) Hold(submissionID string) (submit.Held, error) {
	if rec := e.record(submissionID); rec != nil && !e.queue.Mine(rec) {
		return submit.Held{}, fmt.Errorf("hold %s: %w", submissionID, errOtherAccount)
	}
	return e.queue.Hold(submissionID)
}

// Release lets a held submission go on: the user kept it.
func (e *Engine) Release(submissionID string) { e.queue.Release(submissionID) }

var errOtherAccount = errors.New("the submission was made with another Move account's key")

// Mine reports whether a journaled submission is this key's account's (or
// of no known account): a front end lists only those.
func (e *Engine) Mine(rec *submit.Record) bool { return e.queue.Mine(rec) }

// SubmitAgain makes a new job on a failed job's take, with what the first
// one asked for (from this machine's journal when it has it, else from what
// Move says). It goes through the journal like any submission: the record
// is journaled first, then the queue asks for the job, and the job is
// followed once it exists (its progress arrives as Submission events under
// the returned record's id). Each job is paid for: the front end asks
// first. A take already sent again gives submit.ErrSentAgain.
func (e *Engine) SubmitAgain(ctx context.Context, jobID string) (*submit.Record, error) {
	ctx, done, err := e.call(ctx)
	if err != nil {
		return nil, err
	}
	defer done()
	old, err := e.api.GetJob(ctx, jobID)
	if err != nil {
		return nil, err
	}
	req := submit.Request{Name: old.Name, ClipWindow: old.ClipWindow, DeviceLabel: submit.DefaultDeviceLabel}
	if old.Options != (ugc.Options{}) {
		opts := old.Options
		req.Options = &opts
	}
	for _, o := range old.Outputs {
		// A job's outputs name their format in lower case; the request's
		// enum is in upper case.
		if t := ugc.OutputType(strings.ToUpper(o.Format)); slices.Contains(ugc.AllOutputTypes, t) {
			req.Outputs = append(req.Outputs, t)
		}
	}
	fingerprint := ""
	if rec := e.recordOfJob(jobID); rec != nil {
		name := req.Name
		req, fingerprint = rec.Request, rec.Fingerprint
		req.Name, req.Again = name, false
	}
	if req.OutputDir == "" {
		req.OutputDir = e.saver.Root
	}
	rec, err := e.queue.Again(e.runContext(), req, old.TakeID, fingerprint, jobID)
	if err != nil {
		return nil, fmt.Errorf("submit %s again: %w", jobID, err)
	}
	return rec, nil
}

// recordOfJob is this account's journaled submission that made the job, or
// nil.
// SentAgain lists the submissions that sent a failed job again from this
// computer, oldest first: the front end says so before anyone pays for the
// same video once more. It reads the journal, so call it off the UI
// goroutine.
func (e *Engine) SentAgain(jobID string) []*submit.Record {
	records, _ := e.queue.Journal().Load()
	var again []*submit.Record
	for _, r := range records {
		if r.Replaces == jobID && e.queue.Mine(r) {
			again = append(again, r)
		}
	}
	slices.SortFunc(again, func(a, b *submit.Record) int { return a.Created.Compare(b.Created) })
	return again
}

func (e *Engine) recordOfJob(jobID string) *submit.Record {
	records, _ := e.queue.Journal().Load()
	for _, r := range records {
		if r.JobID == jobID && e.queue.Mine(r) {
			return r
		}
	}
	return nil
}

// hiddenFile lists the rows the user removed from the list, in DataDir.
const hiddenFile = "removed-jobs.json"

// Remove takes a job (or a submission that never made one) off this
// computer's list: Move has no way to delete a job, so it stays in the
// account; its files on disk stay too. A submission still running is
// cancelled first if it can be.
func (e *Engine) Remove(key string) error {
	if rec := e.record(key); rec != nil && !rec.Finished() {
		if err := e.Cancel(key); err != nil && !errors.Is(err, submit.ErrTooLateToCancel) {
			return err
		}
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	hidden := e.loadHidden()
	hidden[key] = true
	data, err := json.Marshal(hidden)
	if err != nil {
		return err
	}
	if e.dataDir == "" {
		return nil
	}
	tmp := filepath.Join(e.dataDir, hiddenFile+".tmp")
	if err := os.WriteFile(tmp, data, 0o600); err != nil {
		return fmt.Errorf("remember the removed job: %w", err)
	}
	return os.Rename(tmp, filepath.Join(e.dataDir, hiddenFile))
}

// Removed is the set of jobs and submissions the user took off the list.
func (e *Engine) Removed() map[string]bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return e.loadHidden()
}

func (e *Engine) loadHidden() map[string]bool {
	hidden := map[string]bool{}
	if e.dataDir == "" {
		return hidden
	}
	data, err := os.ReadFile(filepath.Join(e.dataDir, hiddenFile))
	if err == nil {
		json.Unmarshal(data, &hidden) // a damaged list hides nothing
	}
	return hidden
}

// OpenedFolder notes that the user opened a job's folder: from then on a
// rename of the job leaves the folder and its files as they are, since they
// may be in use elsewhere.
func (e *Engine) OpenedFolder(folder string) error {
	return outputs.MarkOpened(folder)
}

// RenameJob renames a job at Move and, when its folder was never opened,
// its folder and files on disk too; Renamed says which happened. Like
// Rename, it is the engine's work: Stop ends it and waits for it.
func (e *Engine) RenameJob(ctx context.Context, jobID, name string) (ugc.Job, outputs.Renamed, error) {
	ctx, done, err := e.call(ctx)
	if err != nil {
		return ugc.Job{}, outputs.Renamed{}, err
	}
	defer done()
	job, err := e.api.UpdateJob(ctx, jobID, name, nil)
	if err != nil {
		return job, outputs.Renamed{}, err
	}
	moved, err := e.saver.Rename(ctx, e.rootOf(jobID), jobID, name)
	return job, moved, err
}

// rootOf is the folder a job's folder is in: the one its submission asked
// for, else the download folder.
func (e *Engine) rootOf(jobID string) string {
	if root := e.folderFor(jobID); root != e.saver.Root {
		return root
	}
	if rec := e.recordOfJob(jobID); rec != nil && rec.Request.OutputDir != "" {
		return rec.Request.OutputDir
	}
	return e.saver.Root
}
