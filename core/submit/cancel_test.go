package submit

import (
	"errors"
	"net/http"
	"path/filepath"
	"sync"
	"testing"
)

// A submission cancelled before its job is asked for stops, leaves the
// journal and never reaches the paid call; one with its job refuses.
func TestCancelStopsAnUnpaidSubmission(t *testing.T) {
	e := newEnv(t)
	reached := make(chan struct{})
	var once sync.Once
	e.intercept = func(op string, w http.ResponseWriter, r *http.Request) bool {
		if op != "createSingleCamTake" {
			return false
		}
		once.Do(func() { close(reached) })
		<-r.Context().Done() // held until the client gives up
		return true
	}
	var mu sync.Mutex
	var last Status
	q := e.fastQueue(func(s Status) {
		mu.Lock()
		defer mu.Unlock()
		last = s
	})
	rec, _, err := q.Add(ctx, Request{VideoPath: e.video("Stop.mp4", 50_000)})
	if err != nil {
		t.Fatal(err)
	}
	<-reached
	if err := q.Cancel(rec.ID); err != nil {
		t.Fatalf("cancel: %v", err)
	}
	q.Wait()
	records, _ := e.pipeline.Journal.Load()
	if len(records) != 0 {
		t.Errorf("the journal still holds %d records", len(records))
	}
	if n := e.opCount("createSingleCamJob"); n != 0 {
		t.Errorf("%d paid calls after a cancel", n)
	}
	mu.Lock()
	if last.Step != StepCancelled || last.ID != rec.ID {
		t.Errorf("last status %+v, want cancelled", last)
	}
	mu.Unlock()

	e.mu.Lock()
	e.intercept = nil
	e.mu.Unlock()
	done, _, err := q.Add(ctx, Request{VideoPath: e.video("Paid.mp4", 50_000)})
	if err != nil {
		t.Fatal(err)
	}
	q.Wait()
	if err := q.Cancel(done.ID); !errors.Is(err, ErrTooLateToCancel) {
		t.Errorf("cancel of a submitted job: %v, want ErrTooLateToCancel", err)
	}
}

// A cancelled submission lets go of its record's lock; one another process
// drives is not cancelled from here, and stays in the journal.
func TestCancelReleasesTheLockAndLeavesAnotherProcessAlone(t *testing.T) {
	e := newEnv(t)
	reached := make(chan struct{})
	var once sync.Once
	e.intercept = func(op string, w http.ResponseWriter, r *http.Request) bool {
		if op != "createSingleCamTake" {
			return false
		}
		once.Do(func() { close(reached) })
		<-r.Context().Done()
		return true
	}
	q := e.fastQueue(nil)
	rec, _, err := q.Add(ctx, Request{VideoPath: e.video("Held.mp4", 50_000)})
	if err != nil {
		t.Fatal(err)
	}
	<-reached
	if err := q.Cancel(rec.ID); err != nil {
		t.Fatal(err)
	}
	q.Wait()
	if e.pipeline.Journal.holds(rec.ID) {
		t.Error("the cancelled submission still holds its lock")
	}

	other := e.crashedRecord(t, StepUploadingVideo)
	if err := e.pipeline.Journal.Save(other); err != nil {
		t.Fatal(err)
	}
	if ok, err := e.pipeline.Journal.Claim(other.ID); !ok || err != nil {
		t.Fatalf("claim: %v, %v", ok, err)
	}
	elsewhere := NewQueue(e.newPipeline(filepath.Join(e.dir, "journal")), 1, nil) // another process
	var busy *BusyError
	if err := elsewhere.Cancel(other.ID); !errors.As(err, &busy) {
		t.Errorf("cancel of another process's submission: %v, want a BusyError", err)
	}
	if _, err := e.pipeline.Journal.Get(other.ID); err != nil {
		t.Errorf("the other process's submission left the journal: %v", err)
	}
}

// Submit again journals a new submission on the take before its job is
// asked for, through the pipeline's one paid call; the take is not sent
// again a second time while that job is under way.
func TestAgainJournalsFirstAndPaysOnce(t *testing.T) {
	e := newEnv(t)
	q := e.fastQueue(nil)
	first, _, err := q.Add(ctx, Request{VideoPath: e.video("Again.mp4", 50_000)})
	if err != nil {
		t.Fatal(err)
	}
	q.Wait()
	done, err := e.pipeline.Journal.Get(first.ID)
	if err != nil || done.JobID == "" {
		t.Fatalf("first: %+v, %v", done, err)
	}
	again, err := q.Again(ctx, done.Request, done.TakeID, done.Fingerprint, done.JobID)
	if err != nil {
		t.Fatal(err)
	}
	q.Wait()
	rec, err := e.pipeline.Journal.Get(again.ID)
	if err != nil || rec.TakeID != done.TakeID || rec.JobID == "" || rec.JobID == done.JobID {
		t.Fatalf("the new submission: %+v, %v", rec, err)
	}
	if _, err := q.Again(ctx, done.Request, done.TakeID, done.Fingerprint, done.JobID); !errors.Is(err, ErrSentAgain) {
		t.Errorf("a second submit again: %v, want ErrSentAgain", err)
	}
	q.Wait()
	if n := e.opCount("createSingleCamJob"); n != 2 {
		t.Errorf("createSingleCamJob sent %d times, want 2", n)
	}
	if n := e.opCount("createSingleCamTake"); n != 1 {
		t.Errorf("createSingleCamTake sent %d times, want 1 (the take is reused)", n)
	}
}
