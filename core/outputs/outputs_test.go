package outputs_test

import (
	"bytes"
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"singlecam/core/backoff"
	"singlecam/core/outputs"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
)

var ctx = context.Background()

type env struct {
	clock *ugcsim.ManualClock // the simulator's: jobs move when a test moves it
	sim   *ugcsim.Simulator
	api   *ugc.Client
	saver *outputs.Saver
	video []byte
}

func newEnv(t *testing.T) *env {
	t.Helper()
	clock := ugcsim.NewManualClock(time.Now())
	sim, err := ugcsim.New(ugcsim.Config{Key: "outputs-test-key-1", DataDir: t.TempDir(), Now: clock.Now,
		Timing: ugcsim.Timing{Queue: time.Millisecond, Processing: time.Millisecond, OutputURLs: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	api, err := ugc.New(ugc.Config{Key: "outputs-test-key-1", Endpoint: srv.URL + ugcsim.GraphQLPath})
	if err != nil {
		t.Fatal(err)
	}
	x := transfer.New(transfer.Config{Retry: backoff.Policy{Attempts: 3, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}})
	return &env{clock: clock, sim: sim, api: api, saver: &outputs.Saver{API: api, Transfer: x, Root: t.TempDir()},
		video: bytes.Repeat([]byte("video"), 20_000)}
}

// finishedJob makes a job with the given name and outputs and waits until
// its outputs have URLs.
func (e *env) finishedJob(t *testing.T, name string, outs ...ugc.OutputType) ugc.Job {
	t.Helper()
	f, err := e.api.CreateFile(ctx, "mp4", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := transfer.New(transfer.Config{}).Upload(ctx, writeTemp(t, e.video), transfer.FixedURL(f.PresignedURL), nil); err != nil {
		t.Fatal(err)
	}
	take, err := e.api.CreateSingleCamTake(ctx, ugc.TakeRequest{DeviceLabel: "iphone", VideoFileID: f.ID, VideoFormat: ugc.FormatMP4})
	if err != nil {
		t.Fatal(err)
	}
	job, err := e.api.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID, Name: name, Outputs: outs})
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Advance(time.Second) // past the queue, the processing and the URLs' publication
	if job, err = e.api.GetJob(ctx, job.ID); err != nil {
		t.Fatal(err)
	}
	if !job.OutputsReady() {
		t.Fatalf("job has no outputs a second later: %+v", job)
	}
	return job
}

func writeTemp(t *testing.T, data []byte) string {
	path := filepath.Join(t.TempDir(), "v.mp4")
	os.WriteFile(path, data, 0o644)
	return path
}

func names(dir string) []string {
	entries, _ := os.ReadDir(dir)
	var out []string
	for _, e := range entries {
		out = append(out, e.Name())
	}
	sort.Strings(out)
	return out
}

func TestOutputsLandInTheJobsFolderNamedByFormat(t *testing.T) {
	e := newEnv(t)
	job := e.finishedJob(t, "Backflip / take 3", ugc.OutputRenderVideo, ugc.OutputRenderOverlayVideo, ugc.OutputAllBVH)
	dir, saved, err := e.saver.Save(ctx, job.ID, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	if filepath.Base(dir) != "Backflip _ take 3" || filepath.Dir(dir) != e.saver.Root {
		t.Errorf("folder %s", dir)
	}
	want := []string{outputs.ManifestName, "Backflip _ take 3 - all characters bvh.zip", "Backflip _ take 3 - render overlay.mp4", "Backflip _ take 3 - render.mp4"}
	if got := names(dir); len(got) != len(want) || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] || got[3] != want[3] {
		t.Errorf("files %v, want %v", got, want)
	}
	for _, s := range saved {
		if s.Format == "render_video" {
			data, _ := os.ReadFile(s.Path)
			if !bytes.Equal(data, e.video) {
				t.Error("render video differs from the upload")
			}
		}
	}
}

func TestSavingTwiceSkipsWhatIsDoneAndRefetchesWhatWasDeleted(t *testing.T) {
	e := newEnv(t)
	job := e.finishedJob(t, "Walk", ugc.OutputMainFBX, ugc.OutputAllBVH)
	dir, _, err := e.saver.Save(ctx, job.ID, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "Walk - all characters bvh.zip")) // the user deleted one
	dir2, saved, err := e.saver.Save(ctx, job.ID, nil, nil)
	if err != nil || dir2 != dir {
		t.Fatalf("second save: %s, %v", dir2, err)
	}
	skipped := map[string]bool{}
	for _, s := range saved {
		skipped[s.Format] = s.Skipped
	}
	if !skipped["main_fbx"] || skipped["all_bvh"] {
		t.Errorf("skipped %v, want main_fbx skipped and all_bvh fetched again", skipped)
	}
	if got := names(dir); len(got) != 3 {
		t.Errorf("files %v, want no duplicates", got)
	}
}

func TestJobsWithTheSameNameGetTheirOwnFolders(t *testing.T) {
	e := newEnv(t)
	a := e.finishedJob(t, "Jump", ugc.OutputAllBVH)
	b := e.finishedJob(t, "Jump", ugc.OutputAllBVH)
	dirA, _, errA := e.saver.Save(ctx, a.ID, nil, nil)
	dirB, _, errB := e.saver.Save(ctx, b.ID, nil, nil)
	if errA != nil || errB != nil || filepath.Base(dirA) != "Jump" || filepath.Base(dirB) != "Jump (2)" {
		t.Errorf("folders %s and %s (%v, %v)", dirA, dirB, errA, errB)
	}
}

func TestOnlyTheChosenOutputs(t *testing.T) {
	e := newEnv(t)
	job := e.finishedJob(t, "", ugc.OutputMainFBX, ugc.OutputAllBVH)
	dir, saved, err := e.saver.Save(ctx, job.ID, []string{"all_bvh"}, nil)
	if err != nil || len(saved) != 1 || saved[0].Format != "all_bvh" {
		t.Fatalf("saved %+v, %v", saved, err)
	}
	if filepath.Base(dir) != job.ID {
		t.Errorf("an unnamed job's folder is %s, want its id", filepath.Base(dir))
	}
}

func TestUnfinishedAndFailedJobsAreRefusedClearly(t *testing.T) {
	e := newEnv(t)
	f, _ := e.api.CreateFile(ctx, "mp4", "", nil)
	take, _ := e.api.CreateSingleCamTake(ctx, ugc.TakeRequest{DeviceLabel: "iphone", VideoFileID: f.ID, VideoFormat: ugc.FormatMP4})
	job, _ := e.api.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID})
	if _, _, err := e.saver.Save(ctx, job.ID, nil, nil); !errors.Is(err, outputs.ErrNotReady) && !errors.Is(err, outputs.ErrJobFailed) {
		t.Errorf("err = %v", err)
	}
	e.clock.Advance(time.Second) // the video was never uploaded: the job fails
	if _, _, err := e.saver.Save(ctx, job.ID, nil, nil); !errors.Is(err, outputs.ErrJobFailed) {
		t.Errorf("err = %v, want ErrJobFailed", err)
	}
}

func TestFileNames(t *testing.T) {
	for want, out := range map[string]ugc.Output{
		"render.mp4":         {Format: "render_video", File: ugc.File{Type: ".mp4"}},
		"render overlay.mp4": {Format: "render_overlay_video", File: ugc.File{Type: ".mp4"}},
		"main.fbx":           {Format: "main_fbx", File: ugc.File{Type: "FBX"}},
		"all characters.bvh": {Format: "all_bvh", File: ugc.File{Type: ".bvh"}},
		"file-1.zip":         {File: ugc.File{ID: "file-1", Type: ".zip"}},
		"motion data":        {Format: "motion_data"},
		"_evil.bvh":          {Format: "../evil", File: ugc.File{Type: ".bvh"}},
		"weird_name.tar.gz":  {Format: "weird/name", File: ugc.File{Type: ".tar.gz"}},
		"motion data.json":   {Format: "motion_data", File: ugc.File{Type: ".json"}},
		"main usdz.usdz":     {Format: "main_usdz_usdz", File: ugc.File{Type: ".usdz"}},
	} {
		if got := outputs.FileName(out); got != want {
			t.Errorf("FileName(%+v) = %q, want %q", out, got, want)
		}
	}
}

// An automatic download and a Download button (or two clicks) save the same
// job at once: both end well, in one folder, with one copy of each file.
func TestConcurrentSavesOfOneJobShareOneFolder(t *testing.T) {
	e := newEnv(t)
	job := e.finishedJob(t, "Twice", ugc.OutputMainFBX, ugc.OutputAllBVH, ugc.OutputRenderVideo)
	const savers = 8
	dirs := make([]string, savers)
	errs := make([]error, savers)
	var wg sync.WaitGroup
	for i := range savers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			dirs[i], _, errs[i] = e.saver.Save(ctx, job.ID, nil, nil)
		}()
	}
	wg.Wait()
	for i := range savers {
		if errs[i] != nil || dirs[i] != dirs[0] {
			t.Errorf("save %d: %s, %v (first: %s)", i, dirs[i], errs[i], dirs[0])
		}
	}
	if got := names(e.saver.Root); len(got) != 1 {
		t.Errorf("folders %v, want one", got)
	}
	if got := names(dirs[0]); len(got) != 4 {
		t.Errorf("files %v, want the manifest and three outputs", got)
	}
}

// Every file starts with its job's name, safely on every system.
func TestJobFileNames(t *testing.T) {
	fbx := ugc.Output{Format: "main_fbx", File: ugc.File{Type: ".fbx"}}
	long := strings.Repeat("Very long take name ", 20)
	for _, c := range []struct {
		job  string
		out  ugc.Output
		want string
	}{
		{"Backflip", fbx, "Backflip - main.fbx"},
		{"Backflip", ugc.Output{Format: "render_overlay_video", File: ugc.File{Type: ".mp4"}}, "Backflip - render overlay.mp4"},
		{"Take 3: jump/roll?", fbx, "Take 3_ jump_roll_ - main.fbx"},
		{"CON", fbx, "_CON - main.fbx"},
		{"  ", fbx, "main.fbx"},
		{"dots...", fbx, "dots - main.fbx"},
	} {
		if got := outputs.JobFileName(c.job, c.out); got != c.want {
			t.Errorf("JobFileName(%q) = %q, want %q", c.job, got, c.want)
		}
	}
	if got := outputs.JobFileName(long, fbx); !strings.HasSuffix(got, " - main.fbx") || len(got) > 120 {
		t.Errorf("a long name gives %q (%d bytes)", got, len(got))
	}
}

// After a restart the disk says which jobs are saved, and where.
func TestScanFindsSavedJobs(t *testing.T) {
	e := newEnv(t)
	job := e.finishedJob(t, "Saved", ugc.OutputMainFBX, ugc.OutputAllBVH)
	dir, _, err := e.saver.Save(ctx, job.ID, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	os.MkdirAll(filepath.Join(e.saver.Root, "not ours"), 0o755)
	found, err := outputs.Scan(e.saver.Root)
	if err != nil || len(found) != 1 || found[job.ID].Folder != dir || len(found[job.ID].Files) != 2 {
		t.Fatalf("scan: %+v, %v", found, err)
	}
	if found, err := outputs.Scan(filepath.Join(e.saver.Root, "missing")); err != nil || len(found) != 0 {
		t.Errorf("a missing root: %v, %v", found, err)
	}
}

// A rename moves an unopened folder and its files; an opened one stays.
func TestRenameFollowsUnlessTheFolderWasOpened(t *testing.T) {
	e := newEnv(t)
	job := e.finishedJob(t, "Backflip", ugc.OutputMainFBX)
	dir, _, err := e.saver.Save(ctx, job.ID, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := e.saver.Rename(ctx, e.saver.Root, job.ID, "Front flip")
	if err != nil || !r.Moved || filepath.Base(r.Folder) != "Front flip" {
		t.Fatalf("rename: %+v, %v", r, err)
	}
	if got := names(r.Folder); len(got) != 2 || got[1] != "Front flip - main.fbx" {
		t.Errorf("files after the rename: %v", got)
	}
	if _, err := os.Stat(dir); !os.IsNotExist(err) {
		t.Errorf("the old folder is still there: %v", err)
	}
	// A window holding the old path finds the file where it went.
	for old, want := range map[string]string{
		filepath.Join(dir, "Backflip - main.fbx"):      filepath.Join(r.Folder, "Front flip - main.fbx"),
		filepath.Join(dir, "mine.glb"):                 filepath.Join(r.Folder, "mine.glb"), // not renamed, but moved with its folder
		filepath.Join(dir+" 2", "Backflip - main.fbx"): filepath.Join(dir+" 2", "Backflip - main.fbx"),
		dir: dir, // the folder itself is not a file of it
	} {
		if got := r.Follow(old); got != want {
			t.Errorf("Follow(%s) = %s, want %s", old, got, want)
		}
	}
	if err := outputs.MarkOpened(r.Folder); err != nil {
		t.Fatal(err)
	}
	again, err := e.saver.Rename(ctx, e.saver.Root, job.ID, "Side flip")
	if err != nil || again.Moved || !again.Kept || again.Folder != r.Folder {
		t.Errorf("rename of an opened folder: %+v, %v", again, err)
	}
	if kept := filepath.Join(r.Folder, "Front flip - main.fbx"); again.Follow(kept) != kept || !again.Holds(kept) {
		t.Errorf("a kept file moved (%s), or is not the job's (%v)", again.Follow(kept), again.Holds(kept))
	}
	if again.Holds(dir) || again.Holds(filepath.Join(dir, "Backflip - main.fbx")) {
		t.Error("a file of another folder is held to be the job's")
	}
	// A second save finds the moved folder and skips what is there.
	dir2, saved, err := e.saver.Save(ctx, job.ID, nil, nil)
	if err != nil || len(saved) != 1 || !saved[0].Skipped {
		t.Errorf("save after rename: %s %+v %v", dir2, saved, err)
	}
}

// A download folder that cannot be made is an error, not an endless search.
func TestAnUnusableDownloadFolderIsAnError(t *testing.T) {
	e := newEnv(t)
	job := e.finishedJob(t, "Blocked", ugc.OutputMainFBX)
	e.saver.Root = filepath.Join(t.TempDir(), "a file")
	if err := os.WriteFile(e.saver.Root, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { _, _, err := e.saver.Save(ctx, job.ID, nil, nil); done <- err }()
	if err := <-done; err == nil {
		t.Error("saving into a file's place succeeded")
	}
}
