package submit

import (
	"testing"

	"singlecam/core/ugc"
)

func TestEstimateOfARequest(t *testing.T) {
	e := newEnv(t)
	video := e.video("Jump.mp4", 20_000) // 3 s, 480×320, 30 fps
	s2 := &ugc.Options{MocapModel: ugc.ModelS2}
	for _, tc := range []struct {
		name string
		req  Request
		want string
		secs float64
	}{
		{"Move's choice: both models", Request{VideoPath: video}, "$0.04–$0.07", 3},
		{"S2 only", Request{VideoPath: video, Options: s2}, "$0.07", 3},
		{"the clip window is billed", Request{VideoPath: video, Options: s2, ClipWindow: &ugc.ClipWindow{Start: 1, End: 2}}, "$0.02", 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			est, err := EstimateOf(tc.req)
			if err != nil || est.String() != tc.want || est.Seconds != tc.secs {
				t.Errorf("%s for %g s (%v), want %s for %g s", est, est.Seconds, err, tc.want, tc.secs)
			}
		})
	}
	if _, err := EstimateOf(Request{VideoPath: e.video("notes.move", 100)}); err == nil {
		t.Error("an empty file got an estimate")
	}
}

func TestTheEstimateIsJournaledWithTheSubmission(t *testing.T) {
	e := newEnv(t)
	q := e.fastQueue(nil)
	if _, _, err := q.Add(ctx, Request{VideoPath: e.video("Jump.mp4", 20_000), Options: &ugc.Options{MocapModel: ugc.ModelS1}}); err != nil {
		t.Fatal(err)
	}
	q.Wait()
	records, err := e.pipeline.Journal.Load()
	if err != nil || len(records) != 1 {
		t.Fatalf("%d records, %v", len(records), err)
	}
	if est := records[0].Estimate; est == nil || est.String() != "$0.04" || est.Model != "S1" || est.AsOf == "" {
		t.Errorf("journaled estimate %+v", est)
	}
}
