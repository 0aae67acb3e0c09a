package joblist

import (
	"errors"
	"testing"

	"singlecam/core/engine"
	"singlecam/core/outputs"
	"singlecam/core/ugc"
)

// A download of some of a job's files (the one Preview plays) ends where
// the row stood, not at "Downloading 100 %": a job whose download had
// failed still says so (and offers Retry download), a job with every file
// saved is downloaded.
func TestAFetchOfSomeFilesEndsWhereTheRowStood(t *testing.T) {
	two := []ugc.Output{{Format: "main_glb"}, {Format: "main_fbx"}}
	glb := []outputs.Saved{{Format: "main_glb", Path: "/d/Jump - main.glb", Size: 10}}
	for _, tc := range []struct {
		name       string
		failed     bool
		saved      []outputs.Saved
		wantPhase  Phase
		wantDetail string
		wantFailed bool
	}{
		{"after a failed download", true, nil, Finished, "Not downloaded: ", true},
		{"never downloaded", false, nil, Finished, "Finished: 1 of 2 files saved", false},
		{"the last file missing", true, []outputs.Saved{{Format: "main_fbx", Path: "/d/Jump - main.fbx"}}, Downloaded, "Saved: 2 files, ready to open", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			l := New(nil)
			l.AddJobs([]ugc.Job{{ID: "job-1", Name: "Jump", Created: t0, State: ugc.StateFinished, Outputs: two}})
			if tc.failed {
				l.Apply(engine.SavedJob{JobID: "job-1", Files: tc.saved, Err: errors.New("storage: 404")})
			}
			l.At(0).Files = tc.saved
			l.Apply(engine.DownloadProgress{JobID: "job-1", Format: "main_glb", Done: 10, Total: 10})
			if r := l.At(0); r.Phase != Downloading {
				t.Fatalf("during the fetch: %s", r.Phase)
			}
			if key := l.FetchedSome("job-1", "/d", glb); key != "job-1" {
				t.Fatalf("FetchedSome gave %q", key)
			}
			r := l.At(0)
			if r.Phase != tc.wantPhase || r.DownloadFailed != tc.wantFailed || len(r.Detail) < len(tc.wantDetail) || r.Detail[:len(tc.wantDetail)] != tc.wantDetail {
				t.Errorf("after the fetch: %s %q failed=%v", r.Phase, r.Detail, r.DownloadFailed)
			}
			if r.Folder != "/d" || savedCount(r, "main_glb") != 1 {
				t.Errorf("files %+v in %q", r.Files, r.Folder)
			}
			// The same file fetched again is listed once.
			l.FetchedSome("job-1", "/d", glb)
			if savedCount(l.At(0), "main_glb") != 1 {
				t.Errorf("a file fetched twice is listed twice: %+v", l.At(0).Files)
			}
		})
	}
}

func savedCount(r *Row, format string) int {
	n := 0
	for _, f := range r.Files {
		if f.Format == format {
			n++
		}
	}
	return n
}
