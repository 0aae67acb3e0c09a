package ugcsim

import (
	"net/http/httptest"
	"testing"
	"time"
)

// A kept account outlives the simulator: a new one on the same folder
// knows the job, its take and its state.
func TestAKeptAccountOutlivesARestart(t *testing.T) {
	ts := newTestSim(t, Config{Keep: true})
	take := ts.take(ts.uploadedVideo([]byte("video bytes")))
	var made struct{ CreateSingleCamJob struct{ ID string } }
	ts.query(`mutation($t: String!) { createSingleCamJob(takeId: $t, name: "Kept") { id } }`, map[string]any{"t": take}, &made)
	ts.clock.Advance(time.Hour)

	again, err := New(Config{Key: testKey, DataDir: ts.sim.cfg.DataDir, Keep: true, Now: ts.clock.Now,
		Timing: ts.sim.cfg.Timing})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(again.Handler())
	t.Cleanup(srv.Close)
	ts2 := &testSim{t: t, sim: again, srv: srv, clock: ts.clock}
	var got struct {
		GetJob struct {
			ID, Name, State string
			Take            struct{ ID string }
		}
	}
	ts2.query(`query($j: ID!) { getJob(jobId: $j) { id name state take { id } } }`, map[string]any{"j": made.CreateSingleCamJob.ID}, &got)
	if got.GetJob.Name != "Kept" || got.GetJob.State != "FINISHED" || got.GetJob.Take.ID != take {
		t.Errorf("after a restart: %+v", got.GetJob)
	}
	// Without Keep, a simulator starts afresh.
	fresh, err := New(Config{Key: testKey, DataDir: ts.sim.cfg.DataDir})
	if err != nil {
		t.Fatal(err)
	}
	if len(fresh.store.jobs) != 0 {
		t.Errorf("a simulator without Keep loaded %d jobs", len(fresh.store.jobs))
	}
}
