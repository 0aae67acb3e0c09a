package submit

import (
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"
)

// statusLog keeps every status a queue reports, in order.
type statusLog struct {
	mu   sync.Mutex
	all  []Status
	seen chan struct{} // ticks on every status
}

func newStatusLog() *statusLog { return &statusLog{seen: make(chan struct{}, 1000)} }

func (l *statusLog) add(s Status) {
	l.mu.Lock()
	l.all = append(l.all, s)
	l.mu.Unlock()
	select {
	case l.seen <- struct{}{}:
	default:
	}
}

// since is what was reported from index i on.
func (l *statusLog) since(i int) []Status {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]Status(nil), l.all[i:]...)
}

func (l *statusLog) len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.all)
}

// waitFor waits until a status satisfies cond.
func (l *statusLog) waitFor(t *testing.T, what string, cond func(Status) bool) {
	t.Helper()
	deadline := time.After(2 * time.Minute)
	for {
		for _, s := range l.since(0) {
			if cond(s) {
				return
			}
		}
		select {
		case <-l.seen:
		case <-deadline:
			t.Fatalf("never saw %s", what)
		}
	}
}

// The race of issue 23: with a slow network, the user pressed Cancel upload
// while the video was being sent; the upload finished behind the dialog, the
// job was made and paid for, and only then did the confirmation say it was
// too late. Held, the submission starts no step while the user decides: the
// upload under way ends, the take and the job wait; cancelled, it goes no
// further and nothing is charged.
func TestAHeldSubmissionStartsNoStepUntilTheUserAnswers(t *testing.T) {
	e := newEnv(t)
	e.sim.Faults().SetLatency(200 * time.Millisecond) // every request: simulator --latency
	log := newStatusLog()
	q := e.fastQueue(log.add)
	rec, _, err := q.Add(ctx, Request{VideoPath: e.video("Slow.mp4", 200_000)})
	if err != nil {
		t.Fatal(err)
	}
	log.waitFor(t, "the upload under way", func(s Status) bool { return s.Step == StepUploadingVideo })
	held, err := q.Hold(rec.ID)
	if err != nil || !held.Running || held.Last.Step != StepUploadingVideo {
		t.Fatalf("hold: %+v, %v; want the upload under way", held, err)
	}
	heldAt := log.len()
	// The upload ends behind the question; give the pipeline every chance
	// to go on (several round trips), then look at what it did.
	for e.puts.Load() == 0 || e.inFlight.Load() > 0 {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(1 * time.Second)
	for _, s := range log.since(heldAt) {
		if s.Step != StepUploadingVideo {
			t.Errorf("step %q started while the submission was held", s.Step)
		}
	}
	if n := e.opCount("createSingleCamTake") + e.opCount("createSingleCamJob"); n != 0 {
		t.Errorf("%d calls for the take or the job while held", n)
	}
	if err := q.Cancel(rec.ID); err != nil {
		t.Fatalf("cancel while held: %v", err)
	}
	q.Wait()
	after := log.since(heldAt)
	if last := after[len(after)-1]; last.Step != StepCancelled {
		t.Errorf("last status %+v, want cancelled", last)
	}
	for _, s := range after {
		if s.Step == StepCreatingTake || s.Step == StepCreatingJob {
			t.Errorf("a step started after Cancel: %+v", s)
		}
	}
	if n := e.opCount("createSingleCamJob"); n != 0 {
		t.Errorf("%d paid calls after the cancel", n)
	}
	if records, _ := e.pipeline.Journal.Load(); len(records) != 0 {
		t.Errorf("the journal still holds %d records", len(records))
	}
}

// Kept (released), a held submission goes on to its job.
func TestAReleasedSubmissionGoesOn(t *testing.T) {
	e := newEnv(t)
	e.sim.Faults().SetLatency(50 * time.Millisecond)
	log := newStatusLog()
	q := e.fastQueue(log.add)
	rec, _, err := q.Add(ctx, Request{VideoPath: e.video("Kept.mp4", 100_000)})
	if err != nil {
		t.Fatal(err)
	}
	log.waitFor(t, "the upload under way", func(s Status) bool { return s.Step == StepUploadingVideo })
	if _, err := q.Hold(rec.ID); err != nil {
		t.Fatal(err)
	}
	q.Release(rec.ID)
	q.Wait()
	log.waitFor(t, "the job", func(s Status) bool { return s.Step == StepSubmitted && s.JobID != "" })
	if n := e.opCount("createSingleCamJob"); n != 1 {
		t.Errorf("%d paid calls, want 1", n)
	}
}

// Once the paid call is under way, Hold says so: the front end must not
// promise that nothing is charged.
func TestHoldRefusesOnceThePaidCallIsUnderWay(t *testing.T) {
	e := newEnv(t)
	reached, let := make(chan struct{}), make(chan struct{})
	var once sync.Once
	e.intercept = func(op string, w http.ResponseWriter, r *http.Request) bool {
		if op == "createSingleCamJob" {
			once.Do(func() { close(reached) })
			<-let
		}
		return false
	}
	q := e.fastQueue(nil)
	rec, _, err := q.Add(ctx, Request{VideoPath: e.video("Paying.mp4", 50_000)})
	if err != nil {
		t.Fatal(err)
	}
	<-reached
	held, err := q.Hold(rec.ID)
	if !errors.Is(err, ErrTooLateToCancel) || held.Last.Step != StepCreatingJob {
		t.Errorf("hold during the paid call: %+v, %v; want ErrTooLateToCancel", held, err)
	}
	close(let)
	q.Wait()
}
