package submit

import (
	"errors"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"singlecam/core/ugc"
)

// A submission stopped short of its job (the process died or was
// interrupted), then asked for again with the same video and parameters:
// the earlier one carries on from its last step, and nothing is paid twice.
func TestTheSameRequestAgainCarriesOnTheUnfinishedSubmission(t *testing.T) {
	for _, step := range []Step{StepUploadingVideo, StepCreatingTake, StepCreatingJob} {
		t.Run(string(step), func(t *testing.T) {
			e := newEnv(t)
			rec := e.crashedRecord(t, step)
			rec.Request.OutputDir = filepath.Join(e.dir, "asked-for")
			var err error
			if rec.Fingerprint, err = Fingerprint(rec.Request); err != nil {
				t.Fatal(err)
			}
			e.pipeline.Journal.Save(rec)
			creates, takes := e.opCount("createFile"), e.opCount("createSingleCamTake")

			q := e.fastQueue(nil)
			got, _, err := q.Add(ctx, Request{VideoPath: rec.Request.VideoPath, OutputDir: filepath.Join(e.dir, "elsewhere")})
			if err != nil {
				t.Fatal(err)
			}
			q.Wait()
			if got.ID != rec.ID || !got.Resumed || got.Request.OutputDir != rec.Request.OutputDir {
				t.Errorf("added %s (resumed %v, folder %s), want %s carried on into %s",
					got.ID, got.Resumed, got.Request.OutputDir, rec.ID, rec.Request.OutputDir)
			}
			records, _ := e.pipeline.Journal.Load()
			if len(records) != 1 || records[0].JobID == "" {
				t.Fatalf("journal: %+v", records)
			}
			if n := e.opCount("createFile") - creates; n != 0 {
				t.Errorf("createFile sent %d more times", n)
			}
			if step == StepCreatingJob && e.opCount("createSingleCamTake") != takes {
				t.Error("the take was made again")
			}
			if n := e.opCount("createSingleCamJob"); n != 1 {
				t.Errorf("createSingleCamJob sent %d times, want 1", n)
			}
		})
	}
}

// A submission whose job is done and saved is not paid for again by the
// same request: it is refused with the job and folder, unless Again.
func TestTheSameRequestAfterItWasDoneIsRefusedUnlessAgain(t *testing.T) {
	e := newEnv(t)
	q := e.fastQueue(nil)
	req := Request{VideoPath: e.video("done.mp4", 20_000), Outputs: []ugc.OutputType{ugc.OutputAllBVH}}
	first, _, err := q.Add(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	q.Wait()
	rec, err := e.pipeline.Journal.Get(first.ID)
	if err != nil || rec.JobID == "" {
		t.Fatalf("first: %+v, %v", rec, err)
	}
	rec.Delivered, rec.SavedIn = true, "/somewhere/done"
	e.pipeline.Journal.Save(rec)

	_, _, err = q.Add(ctx, req)
	var done *DoneError
	if !errors.As(err, &done) || done.Record.JobID != rec.JobID || done.Record.SavedIn != "/somewhere/done" {
		t.Fatalf("second add: %v, want a DoneError naming %s", err, rec.JobID)
	}
	if prev, _ := q.Previous(req); prev == nil || prev.ID != rec.ID {
		t.Errorf("Previous = %+v, want %s", prev, rec.ID)
	}
	other := req
	other.Outputs = []ugc.OutputType{ugc.OutputMainFBX}
	if _, _, err := q.Add(ctx, other); err != nil {
		t.Errorf("other parameters: %v, want a new submission", err)
	}
	req.Again = true
	again, _, err := q.Add(ctx, req)
	if err != nil || again.ID == rec.ID {
		t.Fatalf("with Again: %v, %+v", err, again)
	}
	q.Wait()
	if n := e.opCount("createSingleCamJob"); n != 3 {
		t.Errorf("createSingleCamJob sent %d times, want 3", n)
	}
}

// Another process (the app, a second terminal) drives a submission: this
// one neither resumes it nor starts a second of the same video.
func TestASubmissionAnotherProcessDrivesIsLeftAlone(t *testing.T) {
	e := newEnv(t)
	rec := e.crashedRecord(t, StepCreatingJob)
	rec.Fingerprint, _ = Fingerprint(rec.Request)
	e.pipeline.Journal.Save(rec)
	if ok, err := e.pipeline.Journal.Claim(rec.ID); !ok || err != nil {
		t.Fatalf("claim: %v, %v", ok, err)
	}
	other := e.newPipeline(filepath.Join(e.dir, "journal")) // the same folder, as another process opens it
	q := NewQueue(other, 1, nil)
	_, _, err := q.Add(ctx, Request{VideoPath: rec.Request.VideoPath})
	var busy *BusyError
	if !errors.As(err, &busy) || busy.Record.ID != rec.ID {
		t.Errorf("add: %v, want a BusyError", err)
	}
	if _, err := q.Resume(ctx); err != nil {
		t.Fatal(err)
	}
	q.Wait()
	if n := e.opCount("createSingleCamJob"); n != 0 {
		t.Errorf("createSingleCamJob sent %d times by the other process", n)
	}
	e.pipeline.Journal.Release(rec.ID) // the first process ends
	if _, err := q.Resume(ctx); err != nil {
		t.Fatal(err)
	}
	q.Wait()
	if n := e.opCount("createSingleCamJob"); n != 1 {
		t.Errorf("after the first process let go: createSingleCamJob sent %d times, want 1", n)
	}
}

// The same video handed over twice at once (listed twice, dropped twice,
// or by two processes on one data folder) makes one job.
func TestTheSameVideoTwiceAtOnceMakesOneJob(t *testing.T) {
	e := newEnv(t)
	path := e.video("twice.mp4", 20_000)
	copyPath := filepath.Join(e.dir, "copy of twice.mp4")
	data, _ := os.ReadFile(path)
	os.WriteFile(copyPath, data, 0o644)
	gate := make(chan struct{})
	e.intercept = func(op string, w http.ResponseWriter, r *http.Request) bool {
		if op == "createFile" {
			<-gate // hold the first submission while the others arrive
		}
		return false
	}
	queues := []*Queue{e.fastQueue(nil), e.fastQueue(nil), NewQueue(e.newPipeline(filepath.Join(e.dir, "journal")), 1, nil)}
	var wg sync.WaitGroup
	results := make([]*Record, 4)
	errs := make([]error, 4)
	for i, p := range []string{path, path, copyPath, path} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			results[i], _, errs[i] = queues[i%3].Add(ctx, Request{VideoPath: p})
		}()
	}
	wg.Wait()
	close(gate)
	for _, q := range queues {
		q.Wait()
	}
	var busy *BusyError
	for i, err := range errs {
		if err != nil && !errors.As(err, &busy) {
			t.Errorf("add %d: %v", i, err)
		}
	}
	records, _ := e.pipeline.Journal.Load()
	if len(records) != 1 || records[0].JobID == "" {
		t.Errorf("journal: %d records (%+v)", len(records), records)
	}
	if n := e.opCount("createSingleCamJob"); n != 1 {
		t.Errorf("createSingleCamJob sent %d times, want 1", n)
	}
}

// Delivered records are forgotten after a while; others are kept.
func TestDeliveredRecordsArePrunedAfterAWhile(t *testing.T) {
	e := newEnv(t)
	now := time.Now()
	e.pipeline.Now = func() time.Time { return now }
	old := now.Add(-KeepDelivered - time.Hour)
	for _, r := range []*Record{
		{ID: "sub-old-delivered", Updated: old, Delivered: true, JobID: "job-1", Step: StepSubmitted},
		{ID: "sub-old-failed", Updated: old, Step: StepFailed, Request: Request{VideoPath: "/nowhere.mp4"}},
		{ID: "sub-recent-delivered", Updated: now.Add(-time.Hour), Delivered: true, JobID: "job-2", Step: StepSubmitted},
	} {
		if err := e.pipeline.Journal.Save(r); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := e.fastQueue(nil).Resume(ctx); err != nil {
		t.Fatal(err)
	}
	records, _ := e.pipeline.Journal.Load()
	var ids []string
	for _, r := range records {
		ids = append(ids, r.ID)
	}
	if len(ids) != 2 || (ids[0] != "sub-old-failed" && ids[1] != "sub-old-failed") {
		t.Errorf("kept %v, want the failed and the recent one", ids)
	}
}

// The journal is shared by every key used on this computer: a submission
// made with another account's key is neither resumed nor matched by this
// one (its files and take belong to the other account).
func TestAnotherAccountsSubmissionsAreLeftAlone(t *testing.T) {
	e := newEnv(t)
	theirs := e.crashedRecord(t, StepCreatingJob)
	theirs.Account = "client-other"
	theirs.Fingerprint, _ = Fingerprint(theirs.Request)
	e.pipeline.Journal.Save(theirs)
	q := e.fastQueue(nil)
	q.SetAccount("client-mine")
	if _, err := q.Resume(ctx); err != nil {
		t.Fatal(err)
	}
	q.Wait()
	if got, _ := e.pipeline.Journal.Get(theirs.ID); got.JobID != "" || e.opCount("createSingleCamJob") != 0 {
		t.Errorf("another account's submission was resumed: %+v", got)
	}
	mine, _, err := q.Add(ctx, Request{VideoPath: theirs.Request.VideoPath})
	if err != nil || mine.ID == theirs.ID || mine.Resumed || mine.Account != "client-mine" {
		t.Fatalf("add: %+v, %v; want a new submission of this account", mine, err)
	}
	q.Wait()
}
