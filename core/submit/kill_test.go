package submit

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// The child side of TestKilledProcessEndsWithExactlyOneJob: a separate
// process running one submission until the parent kills it.
func TestMain(m *testing.M) {
	if os.Getenv("SINGLECAM_SUBMIT_CHILD") == "1" {
		runChild()
		return
	}
	os.Exit(m.Run())
}

func runChild() {
	journal, err := OpenJournal(os.Getenv("SINGLECAM_JOURNAL"))
	if err != nil {
		os.Exit(2)
	}
	p, err := pipelineAt(os.Getenv("SINGLECAM_ENDPOINT"), journal)
	if err != nil {
		os.Exit(2)
	}
	q := NewQueue(p, 1, nil)
	if _, _, err := q.Add(context.Background(), Request{VideoPath: os.Getenv("SINGLECAM_VIDEO")}); err != nil {
		os.Exit(2)
	}
	q.Wait()
	os.Exit(0)
}

// A process killed with SIGKILL at the worst moments, then started again,
// ends with exactly one job for its take.
func TestKilledProcessEndsWithExactlyOneJob(t *testing.T) {
	for _, tc := range []struct {
		moment   string
		jobMade  bool // the service made the job before the child died
		requests int  // createSingleCamJob requests in all, the child's included
	}{
		{"job request sent, not processed", false, 2},
		{"job made, answer never sent", true, 1},
	} {
		t.Run(tc.moment, func(t *testing.T) {
			e := newEnv(t)
			journalDir := filepath.Join(e.dir, "journal-child")
			gate := make(chan struct{})
			arrived := make(chan struct{}, 1)
			e.intercept = func(op string, w http.ResponseWriter, r *http.Request) bool {
				if op != "createSingleCamJob" {
					return false
				}
				if tc.jobMade {
					// The service does its work even though nobody will read the answer.
					e.sim.Handler().ServeHTTP(httptest.NewRecorder(), r.WithContext(context.WithoutCancel(r.Context())))
				}
				arrived <- struct{}{}
				<-gate
				panic(http.ErrAbortHandler)
			}

			child := exec.Command(os.Args[0], "-test.run=^$")
			child.Env = append(os.Environ(), "SINGLECAM_SUBMIT_CHILD=1", "SINGLECAM_JOURNAL="+journalDir,
				"SINGLECAM_ENDPOINT="+e.endpoint(), "SINGLECAM_VIDEO="+e.video("kill.mp4", 20_000))
			if err := child.Start(); err != nil {
				t.Fatal(err)
			}
			select {
			case <-arrived:
			case <-time.After(20 * time.Second):
				child.Process.Kill()
				t.Fatal("the child never asked for its job")
			}
			child.Process.Kill()
			child.Wait()
			e.mu.Lock()
			e.intercept = nil
			e.mu.Unlock()
			close(gate)

			p := e.newPipeline(journalDir)
			before, err := p.Journal.Load()
			if err != nil || len(before) != 1 || before[0].TakeID == "" || !before[0].JobRequested || before[0].JobID != "" {
				t.Fatalf("journal left by the killed process: %+v, %v", before, err)
			}
			q := NewQueue(p, 1, nil)
			if _, err := q.Resume(ctx); err != nil {
				t.Fatal(err)
			}
			q.Wait()
			after, _ := p.Journal.Load()
			rec := after[0]
			if rec.JobID == "" {
				t.Fatalf("after resume: %+v", rec)
			}
			if n := e.jobsOfTake(rec.TakeID); n != 1 {
				t.Errorf("%d jobs on the take, want exactly 1", n)
			}
			if n := e.opCount("createSingleCamJob"); n != tc.requests {
				t.Errorf("createSingleCamJob sent %d times, want %d", n, tc.requests)
			}
		})
	}
}
