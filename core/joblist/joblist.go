// Package joblist is the jobs list's model: everything the user has, newest
// first, with no duplicates. Submissions still uploading come from the
// journal, jobs from the account's pages, and engine events move each row
// along: uploading, queued, processing, finished, downloaded or failed. It
// knows nothing of widgets, so the GUI only draws what it says.
package joblist

import (
	"fmt"
	"slices"
	"sort"
	"time"

	"singlecam/core/engine"
	"singlecam/core/outputs"
	"singlecam/core/price"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/core/watch"
)

// Phase is where a row stands, as the user sees it.
type Phase int

const (
	Unknown Phase = iota
	Uploading
	Waiting // for the network, to carry on uploading
	Queued  // uploaded; Move has not started it
	Processing
	Finished // ready to download
	Downloading
	Downloaded
	Failed
	// Submitting: the files are up (or were already, for a submission
	// made again) and the take or the job is being created; not
	// "uploading 0%".
	Submitting
)

func (p Phase) String() string {
	return [...]string{"unknown", "uploading", "waiting", "queued", "processing", "finished", "downloading", "downloaded", "failed", "submitting"}[p]
}

// Row is one line of the list.
type Row struct {
	SubmissionID string
	JobID        string
	Name         string
	Created      time.Time
	Phase        Phase
	Progress     float64 // 0..1, or -1 for none
	Detail       string
	Thumbnail    string
	Outputs      []ugc.Output
	Folder       string // where the outputs were saved
	Files        []outputs.Saved
	Options      ugc.Options
	ClipWindow   *ugc.ClipWindow
	Estimate     *price.Estimate // what the job was estimated to cost, for submissions from this computer
	// Replaces is the failed job this row's submission sent again (from
	// this computer), "" for a first submission.
	Replaces string
	// DownloadFailed: the last download stopped short; the files can be
	// fetched again.
	DownloadFailed bool
	// Paying: the job is being created, the paid call under way; nothing
	// can cancel it any more (and no upload is left to cancel).
	Paying bool
	// beforeDownload is the row's words when a download began: a download
	// of some files (one fetched to preview it) that leaves others missing
	// ends back there.
	beforeDownload string

	// upload speed, measured between progress reports
	lastBytes int64
	lastTime  time.Time
	rate      float64 // bytes a second, smoothed
}

// Key is the row's identity: its job, else its submission.
func (r *Row) Key() string {
	if r.JobID != "" {
		return r.JobID
	}
	return r.SubmissionID
}

// List is the rows. It is not safe for concurrent use: the GUI keeps it on
// its own goroutine.
type List struct {
	rows    []*Row
	now     func() time.Time
	onDisk  map[string]outputs.OnDisk // saved jobs, by job id, as their folders say
	removed map[string]bool           // rows the user took off the list
	// paid are the jobs made from this computer that the user took off the
	// list, by job id: Move billed them all the same, so the month's total
	// still counts them.
	paid map[string]*Row
	// journaled are the jobs this computer's journal says it made, by job
	// id, whether listed or not: the month's total counts them.
	journaled map[string]*Row
}

// New makes an empty list; now is the clock (time.Now if nil).
func New(now func() time.Time) *List {
	if now == nil {
		now = time.Now
	}
	return &List{now: now, paid: map[string]*Row{}}
}

// Len is the number of rows.
func (l *List) Len() int { return len(l.rows) }

// At is row i, newest first.
func (l *List) At(i int) *Row { return l.rows[i] }

// Index finds a row by job or submission id; -1 if none.
func (l *List) Index(id string) int {
	for i, r := range l.rows {
		if id != "" && (r.JobID == id || r.SubmissionID == id) {
			return i
		}
	}
	return -1
}

func (l *List) find(id string) *Row {
	if i := l.Index(id); i >= 0 {
		return l.rows[i]
	}
	return nil
}

// dropOther removes the row of jobID if it is not keep: a page of the
// account's jobs that arrives between the job's creation and the
// submission's news of it adds the job as a row of its own.
func (l *List) dropOther(jobID string, keep *Row) {
	if i := l.Index(jobID); i >= 0 && l.rows[i] != keep {
		l.rows = append(l.rows[:i], l.rows[i+1:]...)
	}
}

// insert adds a row in date order (newest first).
func (l *List) insert(r *Row) {
	i := sort.Search(len(l.rows), func(i int) bool { return l.rows[i].Created.Before(r.Created) })
	l.rows = append(l.rows, nil)
	copy(l.rows[i+1:], l.rows[i:])
	l.rows[i] = r
}

// AddRecords adds the journal's submissions (at start-up).
func (l *List) AddRecords(records []*submit.Record) {
	for _, rec := range records {
		if l.removed[rec.ID] || l.removed[rec.JobID] {
			if rec.JobID != "" {
				l.paid[rec.JobID] = &Row{SubmissionID: rec.ID, JobID: rec.JobID, Created: rec.Created, Estimate: rec.Estimate}
			}
			continue
		}
		if r := l.find(rec.ID); r != nil || (rec.JobID != "" && l.find(rec.JobID) != nil) {
			if r != nil && r.Replaces == "" {
				r.Replaces = rec.Replaces // its first event came before the record
			}
			continue
		}
		r := &Row{SubmissionID: rec.ID, JobID: rec.JobID, Name: rec.Request.Name, Created: rec.Created, Progress: -1,
			ClipWindow: rec.Request.ClipWindow, Estimate: rec.Estimate, Replaces: rec.Replaces}
		if rec.Request.Options != nil {
			r.Options = *rec.Request.Options
		}
		switch {
		case rec.Step == submit.StepFailed:
			r.Phase, r.Detail = Failed, "Failed: "+rec.Failure
		case rec.JobID == "":
			r.Phase, r.Detail = Uploading, "Waiting to upload"
		default:
			r.Phase, r.Detail = Queued, "Checking on the job…"
		}
		l.insert(r)
	}
}

// AddJobs merges a page of the account's jobs: known rows are updated, new
// ones added in date order, none twice.
func (l *List) AddJobs(jobs []ugc.Job) {
	for _, j := range jobs {
		r := l.find(j.ID)
		if r == nil {
			if l.removed[j.ID] {
				continue
			}
			r = &Row{JobID: j.ID, Name: j.Name, Created: j.Created, Progress: -1}
			l.insert(r)
		}
		l.applyJob(r, j)
		l.applyDisk(r)
	}
}

// applyJob shows what the service says of a job.
func (l *List) applyJob(r *Row, j ugc.Job) {
	if j.Name != "" {
		r.Name = j.Name
	}
	r.Outputs, r.Options, r.ClipWindow = j.Outputs, j.Options, j.ClipWindow
	if j.Thumbnail != "" {
		r.Thumbnail = j.Thumbnail
	}
	if r.Phase == Downloading || r.Phase == Downloaded {
		return // what happens on this machine says more
	}
	switch j.State {
	case ugc.StateNotStarted:
		r.Phase, r.Progress, r.Detail = Queued, -1, "Waiting for Move to start it"
	case ugc.StateRunning:
		r.Phase, r.Progress, r.Detail = Processing, 0, "Processing"
		if j.Percent != nil {
			r.Progress, r.Detail = float64(*j.Percent)/100, fmt.Sprintf("Processing %d%%", *j.Percent)
		}
	case ugc.StateFinished:
		r.Phase, r.Progress = Finished, 1
		if j.OutputsReady() {
			r.Detail = fmt.Sprintf("Finished: %s ready to download", Files(len(j.Outputs)))
		} else {
			r.Detail = "Finished: Move is preparing the files"
		}
	case ugc.StateFailed, ugc.StateCancelled:
		r.Phase, r.Progress, r.Detail = Failed, -1, "Failed: Move could not process this video. Check it is within Move's limits and submit it again."
	default:
		r.Phase, r.Detail = Unknown, "State: "+j.RawState
	}
}

// downloadName is the file an output is saved as ("Jump - main.fbx"), as
// the details pane lists it, not the API's name for its type
// ("render_video"); the format itself when the job's outputs are not known.
func downloadName(r *Row, format string) string {
	for _, o := range r.Outputs {
		if o.Format == format {
			return outputs.JobFileName(r.Name, o)
		}
	}
	return format
}

// Apply shows one engine event and returns the id of the row it changed
// ("" if none).
func (l *List) Apply(ev engine.Event) string {
	switch ev := ev.(type) {
	case engine.SubmissionUpdate:
		return l.applySubmission(ev.Status)
	case engine.JobUpdate:
		r := l.find(ev.Job.ID)
		if r == nil || ev.Kind == watch.Abandoned {
			return "" // the Saved event that follows says why
		}
		l.applyJob(r, ev.Job)
		l.applyDisk(r)
		return r.Key()
	case engine.DownloadProgress:
		d := ev
		r := l.find(d.JobID)
		if r == nil {
			return ""
		}
		file := downloadName(r, d.Format)
		if r.Phase != Downloading {
			r.beforeDownload = r.Detail
		}
		r.Phase, r.Detail = Downloading, "Downloading "+file
		if d.Total > 0 {
			r.Progress = float64(d.Done) / float64(d.Total)
			r.Detail = fmt.Sprintf("Downloading %s · %s of %s", file, submit.HumanBytes(d.Done), submit.HumanBytes(d.Total))
		}
		return r.Key()
	case engine.SavedJob:
		s := ev
		r := l.find(s.JobID)
		if r == nil {
			return ""
		}
		if s.Err != nil && (r.Phase == Queued || r.Phase == Processing) {
			// No longer followed (a refused key): the job itself goes on.
			r.Detail = engine.Explain(s.Err)
			return r.Key()
		}
		if s.Err != nil {
			r.Phase, r.Progress, r.Detail, r.DownloadFailed = Finished, 1, "Not downloaded: "+engine.Explain(s.Err), true
			if s.Folder != "" {
				r.Folder = s.Folder
			}
			return r.Key()
		}
		r.Phase, r.Progress, r.Folder, r.Files, r.DownloadFailed = Downloaded, 1, s.Folder, s.Files, false
		r.Detail = savedDetail(len(s.Files))
		return r.Key()
	}
	return ""
}

func (l *List) applySubmission(s submit.Status) string {
	r := l.find(s.ID)
	if r == nil {
		r = &Row{SubmissionID: s.ID, Name: s.Name, Created: l.now(), Progress: -1}
		l.insert(r)
	}
	r.Paying = s.Step == submit.StepCreatingJob
	switch s.Step {
	case submit.StepCancelled:
		l.Remove(r.Key())
		return r.Key()
	case submit.StepFailed:
		r.Phase, r.Progress, r.Detail = Failed, -1, "Failed: "+engine.Explain(s.Err)
	case submit.StepWaiting:
		r.Phase, r.Detail = Waiting, engine.Explain(s.Err)
	case submit.StepSubmitted:
		l.dropOther(s.JobID, r) // the account's list may have shown the job first
		r.JobID, r.Phase, r.Progress, r.Detail = s.JobID, Queued, -1, "Uploaded: waiting for Move to start it"
	case submit.StepQueued:
		r.Phase, r.Progress, r.Detail = Uploading, 0, "Waiting for a free upload slot"
	case submit.StepCreatingTake, submit.StepCreatingJob:
		r.Phase, r.Progress, r.Detail = Submitting, -1, s.Step.Text()
	default:
		r.Phase = Uploading
		if s.Total > 0 {
			r.Progress = float64(s.Done) / float64(s.Total)
			r.Detail = l.uploadDetail(r, s)
		} else {
			r.Detail = s.Step.Text()
		}
	}
	return r.Key()
}

// uploadDetail says "Uploading 812 MB of 3.9 GB · 24 MB/s · 2 min left".
func (l *List) uploadDetail(r *Row, s submit.Status) string {
	now := l.now()
	if s.Done < r.lastBytes || r.lastTime.IsZero() {
		r.rate = 0 // a new file, or a retry from the start
	} else if dt := now.Sub(r.lastTime).Seconds(); dt > 0.05 {
		current := float64(s.Done-r.lastBytes) / dt
		if r.rate == 0 {
			r.rate = current
		} else {
			r.rate = 0.7*r.rate + 0.3*current // smooth out the bumps
		}
	}
	r.lastBytes, r.lastTime = s.Done, now
	what := "Uploading"
	if s.Step == submit.StepUploadingMove {
		what = "Uploading the .move file:"
	}
	detail := fmt.Sprintf("%s %s of %s", what, submit.HumanBytes(s.Done), submit.HumanBytes(s.Total))
	if r.rate > 0 && s.Done < s.Total {
		left := time.Duration(float64(s.Total-s.Done) / r.rate * float64(time.Second))
		detail += fmt.Sprintf(" · %s/s · %s left", submit.HumanBytes(int64(r.rate)), Remaining(left))
	}
	return detail
}

// Remove takes a row off the list (the user removed it, or its submission
// was cancelled).
func (l *List) Remove(key string) {
	if i := l.Index(key); i >= 0 {
		if r := l.rows[i]; r.JobID != "" && r.SubmissionID != "" {
			l.paid[r.JobID] = r // off the list, not off the bill
		}
		l.rows = append(l.rows[:i], l.rows[i+1:]...)
	}
}

// SetRemoved says which jobs and submissions the user took off the list:
// they are left out from now on, and dropped if already in.
func (l *List) SetRemoved(removed map[string]bool) {
	l.removed = removed
	for key := range removed {
		l.Remove(key)
	}
}

// SetOnDisk says which jobs have their files saved, as their folders'
// manifests say: such a job shows as downloaded, with its folder, whatever
// Move says of its state (after a restart, Move only knows it finished).
func (l *List) SetOnDisk(saved map[string]outputs.OnDisk) {
	l.onDisk = saved
	for _, r := range l.rows {
		l.applyDisk(r)
	}
}

// applyDisk shows what the disk holds of a finished job: every output
// saved makes it downloaded; some make it finished with its folder known.
func (l *List) applyDisk(r *Row) {
	d, ok := l.onDisk[r.JobID]
	if !ok || r.Phase == Downloading || r.Phase == Failed || (r.Phase == Downloaded && len(r.Files) > 0) {
		return
	}
	if r.Phase != Finished && r.Phase != Downloaded && r.Phase != Unknown {
		return // only a finished job has files
	}
	r.Folder, r.Files = d.Folder, d.Files
	saved := map[string]bool{}
	for _, f := range d.Files {
		saved[f.Format] = true
	}
	for _, o := range r.Outputs {
		if !saved[o.Format] {
			r.Detail = fmt.Sprintf("Finished: %d of %s saved", len(d.Files), Files(len(r.Outputs)))
			return
		}
	}
	r.Phase, r.Progress, r.Detail = Downloaded, 1, savedDetail(len(d.Files))
}

// savedDetail says a job's files are on disk; the details pane says where.
func savedDetail(n int) string {
	if n == 1 {
		return "Saved: 1 file, ready to open"
	}
	return fmt.Sprintf("Saved: %s, ready to open", Files(n))
}

// Remaining says how long is left, roughly: "a few seconds", "2 min".
func Remaining(d time.Duration) string {
	switch {
	case d < 10*time.Second:
		return "a few seconds"
	case d < time.Minute:
		return fmt.Sprintf("%d s", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%d min", int(d.Minutes()+0.5))
	}
	return fmt.Sprintf("%d h %d min", int(d.Hours()), int(d.Minutes())%60)
}

// Ago says when something happened, the way people say it: "just now",
// "5 min ago", "yesterday", "3 Mar".
func Ago(t, now time.Time) string {
	d := now.Sub(t)
	switch {
	case t.IsZero():
		return ""
	case d < time.Minute:
		return "just now"
	case d < time.Hour:
		return fmt.Sprintf("%d min ago", int(d.Minutes()))
	case d < 24*time.Hour:
		return fmt.Sprintf("%d h ago", int(d.Hours()))
	case d < 48*time.Hour:
		return "yesterday"
	case t.Year() == now.Year():
		return t.Local().Format("2 Jan")
	}
	return t.Local().Format("2 Jan 2006")
}

// Files counts files in words: "1 file", "7 files".
func Files(n int) string {
	if n == 1 {
		return "1 file"
	}
	return fmt.Sprintf("%d files", n)
}

// FetchedSome shows that a download of some of a job's files ended (the
// one Preview plays, or one file's Download): the row lists them and
// leaves "Downloading" for what its files now say: downloaded once every
// output is saved, else where it stood before, so a download that had
// failed still offers Retry download (tester 2: a preview left the row at
// "Downloading 100 %" with its buttons gone). It returns the row's key, ""
// if there is no such row.
func (l *List) FetchedSome(jobID, folder string, files []outputs.Saved) string {
	r := l.find(jobID)
	if r == nil {
		return ""
	}
	for _, f := range files {
		if i := slices.IndexFunc(r.Files, func(s outputs.Saved) bool { return s.Format == f.Format }); i >= 0 {
			r.Files[i] = f
		} else {
			r.Files = append(r.Files, f)
		}
	}
	if folder != "" {
		r.Folder = folder
	}
	if r.Phase != Downloading {
		return r.Key()
	}
	saved := map[string]bool{}
	for _, f := range r.Files {
		saved[f.Format] = true
	}
	all := len(r.Outputs) > 0
	for _, o := range r.Outputs {
		all = all && saved[o.Format]
	}
	switch {
	case all:
		r.Phase, r.Progress, r.Detail, r.DownloadFailed = Downloaded, 1, savedDetail(len(r.Files)), false
	case r.DownloadFailed && r.beforeDownload != "":
		r.Phase, r.Progress, r.Detail = Finished, 1, r.beforeDownload // still "Not downloaded: …"
	default:
		r.Phase, r.Progress = Finished, 1
		r.Detail = fmt.Sprintf("Finished: %d of %s saved", len(r.Files), Files(len(r.Outputs)))
	}
	return r.Key()
}

// SentAgainAs is the rows that sent the failed job jobID again from this
// computer, oldest first.
func (l *List) SentAgainAs(jobID string) []*Row {
	var again []*Row
	for i := len(l.rows) - 1; i >= 0; i-- { // rows are newest first
		if r := l.rows[i]; jobID != "" && r.Replaces == jobID {
			again = append(again, r)
		}
	}
	return again
}
