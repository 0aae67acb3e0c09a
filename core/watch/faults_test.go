package watch

import (
	"errors"
	"sync"
	"testing"
	"time"

	"singlecam/core/ugc"
)

// kinds records the kinds of events, and the errors of Abandoned ones.
type kinds struct {
	mu     sync.Mutex
	kinds  []Kind
	errs   []error
	jobIDs []string
}

func (k *kinds) add(e Event) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if e.Kind == Progressed && e.Job.Percent == nil {
		panic("a Progressed event without a percentage")
	}
	k.kinds = append(k.kinds, e.Kind)
	if e.Kind == Abandoned {
		k.errs = append(k.errs, e.Err)
		k.jobIDs = append(k.jobIDs, e.Job.ID)
	}
}

func (k *kinds) count(kind Kind) int {
	k.mu.Lock()
	defer k.mu.Unlock()
	n := 0
	for _, got := range k.kinds {
		if got == kind {
			n++
		}
	}
	return n
}

// A key revoked while jobs run once left every wait going forever, in
// silence. Now the first refusal ends them all, saying why.
func TestARefusedKeyEndsEveryWaitAtOnce(t *testing.T) {
	e := newEnv(t)
	ids := e.jobs(t, 2)
	rec := &kinds{}
	w := New(e.api, Config{}, rec.add)
	for _, id := range ids {
		w.Follow(id)
	}
	if _, err := w.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	e.sim.Faults().RevokeKey(true)
	_, err := w.Poll(ctx)
	if !errors.Is(err, ugc.ErrUnauthorized) {
		t.Fatalf("poll: %v, want the key refused", err)
	}
	if rec.count(Abandoned) != 2 || w.Following() != 0 {
		t.Fatalf("%d jobs abandoned, %d still followed; want 2 and 0", rec.count(Abandoned), w.Following())
	}
	for _, err := range rec.errs {
		if !errors.Is(err, ugc.ErrUnauthorized) {
			t.Errorf("abandoned with %v, want the refused key", err)
		}
	}
}

// Outputs whose URLs never appear were once waited on forever. The wait is
// bounded by PublishTimeout, then the job is let go with ErrNotPublished.
func TestOutputsNeverPublishedEndTheWaitAfterTheTimeout(t *testing.T) {
	e := newEnv(t)
	e.sim.Faults().WithholdOutputURLs(true)
	id := e.jobs(t, 1)[0]
	rec := &kinds{}
	w := New(e.api, Config{PublishTimeout: 10 * time.Minute, Now: e.clock.Now}, rec.add)
	w.Follow(id)
	e.clock.Advance(2 * time.Minute) // finished, its outputs without URLs
	for _, step := range []time.Duration{0, 5 * time.Minute, 4 * time.Minute} {
		e.clock.Advance(step)
		if _, err := w.Poll(ctx); err != nil {
			t.Fatal(err)
		}
		if w.Following() != 1 || rec.count(Abandoned) != 0 {
			t.Fatalf("gave up before the timeout (after %v)", step)
		}
	}
	e.clock.Advance(time.Minute)
	if _, err := w.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if w.Following() != 0 || rec.count(Abandoned) != 1 || !errors.Is(rec.errs[0], ErrNotPublished) || rec.jobIDs[0] != id {
		t.Fatalf("following %d, abandoned %v %v", w.Following(), rec.jobIDs, rec.errs)
	}
}

// percentageComplete may turn null (the schema allows it); that was once
// reported as progress, and a front end dereferenced the nil.
func TestANullPercentageIsNotProgress(t *testing.T) {
	e := newEnv(t)
	id := e.jobs(t, 1)[0]
	rec := &kinds{}
	w := New(e.api, Config{}, rec.add)
	w.Follow(id)
	for _, step := range []time.Duration{20 * time.Second, 10 * time.Second} {
		e.clock.Advance(step)
		if _, err := w.Poll(ctx); err != nil {
			t.Fatal(err)
		}
	}
	e.sim.Faults().NullProgress(true)
	e.clock.Advance(10 * time.Second)
	if _, err := w.Poll(ctx); err != nil {
		t.Fatal(err)
	}
	if rec.count(Progressed) != 1 {
		t.Errorf("%d progress events, want 1 (20%%, none for null)", rec.count(Progressed))
	}
}
