package ugc_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/json"
	"image/png"
	"slices"
	"strings"
	"testing"
	"time"

	"singlecam/core/ugc"
)

var ctx = context.Background()

func TestAccountNamesTheKeysOwner(t *testing.T) {
	h := newHarness(t)
	acct, err := h.client.Account(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if acct.Name != "Singlecam Demo Studio" || !strings.HasPrefix(acct.ID, "client-") || acct.Created.IsZero() {
		t.Errorf("account = %+v", acct)
	}
}

// uploadedTake creates and uploads a video (and a .move file) and makes a
// take of them, as a submission does.
func uploadedTake(t *testing.T, h *harness, video []byte) ugc.Take {
	t.Helper()
	vf, err := h.client.CreateFile(ctx, "mp4", "clip.mp4", json.RawMessage(`{"source":"test"}`))
	if err != nil {
		t.Fatal(err)
	}
	if vf.Type != ".mp4" || !strings.HasPrefix(vf.ID, "file-") || vf.PresignedURL == "" {
		t.Fatalf("created file = %+v", vf)
	}
	if string(vf.Metadata) != `{"source":"test"}` {
		t.Errorf("metadata = %s", vf.Metadata)
	}
	if resp := put(t, vf.PresignedURL, video); resp.StatusCode != 200 || resp.Header.Get("ETag") == "" {
		t.Fatalf("video PUT: %s, ETag %q", resp.Status, resp.Header.Get("ETag"))
	}
	mf, err := h.client.CreateFile(ctx, "move", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp := put(t, mf.PresignedURL, []byte("sensor data")); resp.StatusCode != 200 {
		t.Fatalf("move PUT: %s", resp.Status)
	}
	take, err := h.client.CreateSingleCamTake(ctx, ugc.TakeRequest{
		Name: "Jump", DeviceLabel: "iphone", VideoFileID: vf.ID, VideoFormat: ugc.FormatMP4, MoveFileID: mf.ID,
	})
	if err != nil {
		t.Fatal(err)
	}
	return take
}

func TestUploadedFileComesBackWithADownloadURLAndThumbnail(t *testing.T) {
	h := newHarness(t)
	video := bytes.Repeat([]byte("frame"), 10_000)
	take := uploadedTake(t, h, video)

	f, err := h.client.GetFile(ctx, take.VideoFile.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got := get(t, f.PresignedURL); !bytes.Equal(got, video) {
		t.Errorf("downloaded %d bytes, want the %d uploaded", len(got), len(video))
	}
	if f.ThumbnailURL == "" {
		t.Fatal("no thumbnail for an uploaded video")
	}
	if _, err := png.Decode(bytes.NewReader(get(t, f.ThumbnailURL))); err != nil {
		t.Errorf("thumbnail is not a PNG: %v", err)
	}
}

func TestTakeHoldsItsVideoAndMoveSources(t *testing.T) {
	h := newHarness(t)
	take := uploadedTake(t, h, []byte("video"))
	got, err := h.client.GetTake(ctx, take.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.ID != take.ID || got.Name != "Jump" || !strings.HasPrefix(got.ID, "take-") {
		t.Errorf("take = %+v", got)
	}
	var formats []ugc.SourceFormat
	for _, s := range got.Sources {
		if s.DeviceLabel != "iphone" || s.File == nil {
			t.Errorf("source = %+v", s)
		}
		formats = append(formats, s.Format)
	}
	if !slices.Equal(formats, []ugc.SourceFormat{ugc.FormatMP4, ugc.FormatMove}) {
		t.Errorf("source formats = %v", formats)
	}
	if got.VideoFile == nil || got.VideoFile.ID != take.VideoFile.ID {
		t.Errorf("videoFile = %+v", got.VideoFile)
	}
}

func TestJobGoesThroughEveryStateToDownloadableOutputs(t *testing.T) {
	h := newHarness(t)
	video := bytes.Repeat([]byte{1, 2, 3}, 5000)
	take := uploadedTake(t, h, video)
	yes := true
	job, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{
		TakeID: take.ID, Name: "Jump v1", Metadata: json.RawMessage(`{"batch":1}`),
		Outputs:    []ugc.OutputType{ugc.OutputMainFBX, ugc.OutputAllBVH, ugc.OutputRenderVideo, ugc.OutputRenderOverlayVideo},
		Options:    &ugc.Options{TrackFingers: &yes, MocapModel: ugc.ModelS2},
		ClipWindow: &ugc.ClipWindow{Start: 1, End: 5.5},
	})
	if err != nil {
		t.Fatal(err)
	}
	if job.State != ugc.StateNotStarted || job.RawState != "NOT STARTED" || job.Percent != nil {
		t.Errorf("new job: state %v (%q), percent %v", job.State, job.RawState, job.Percent)
	}
	if job.TakeID != take.ID || job.Name != "Jump v1" || string(job.Metadata) != `{"batch":1}` {
		t.Errorf("new job = %+v", job)
	}
	if job.ClipWindow == nil || *job.ClipWindow != (ugc.ClipWindow{Start: 1, End: 5.5}) {
		t.Errorf("clip window = %+v", job.ClipWindow)
	}
	if job.Options.TrackFingers == nil || !*job.Options.TrackFingers || job.Options.MocapModel != ugc.ModelS2 {
		t.Errorf("options = %+v", job.Options)
	}

	h.clock.Advance(10*time.Second + 50*time.Second) // queue, then half of processing
	job = mustGetJob(t, h, job.ID)
	if job.State != ugc.StateRunning || job.Percent == nil || *job.Percent != 50 || len(job.Outputs) != 0 {
		t.Errorf("halfway: state %v, percent %v, %d outputs", job.State, job.Percent, len(job.Outputs))
	}

	h.clock.Advance(50 * time.Second) // processing done; URLs not yet
	job = mustGetJob(t, h, job.ID)
	if job.State != ugc.StateFinished || *job.Percent != 100 || len(job.Outputs) != 4 || job.OutputsReady() {
		t.Fatalf("finished: state %v, %d outputs, ready %v", job.State, len(job.Outputs), job.OutputsReady())
	}
	for _, o := range job.Outputs {
		if o.File.PresignedURL != "" {
			t.Errorf("output %s has a URL before the service gives one", o.Format)
		}
	}

	h.clock.Advance(30 * time.Second)
	job = mustGetJob(t, h, job.ID)
	if !job.OutputsReady() {
		t.Fatalf("outputs not ready 30 s after finishing: %+v", job.Outputs)
	}
	byFormat := map[string]ugc.Output{}
	for _, o := range job.Outputs {
		byFormat[o.Format] = o
	}
	for format, wantType := range map[string]string{
		"main_fbx": ".fbx", "all_bvh": ".zip", "render_video": ".mp4", "render_overlay_video": ".mp4",
	} {
		if byFormat[format].File.Type != wantType {
			t.Errorf("output %s: type %q, want %q", format, byFormat[format].File.Type, wantType)
		}
	}
	sum := sha256.Sum256(video)
	for _, format := range []string{"render_video", "render_overlay_video"} {
		if sha256.Sum256(get(t, byFormat[format].File.PresignedURL)) != sum {
			t.Errorf("%s is not the uploaded video", format)
		}
	}
	// ALL_BVH is a ZIP of one BVH per actor, as Move documents it.
	if bvh := get(t, byFormat["all_bvh"].File.PresignedURL); !bytes.HasPrefix(bvh, []byte("PK\x03\x04")) {
		t.Errorf("ALL_BVH starts %q, not as a ZIP", bvh[:min(len(bvh), 30)])
	}
	if fbx := get(t, byFormat["main_fbx"].File.PresignedURL); !bytes.HasPrefix(fbx, []byte("SINGLECAM SIMULATOR OUTPUT")) {
		t.Errorf("FBX placeholder starts %q", fbx[:min(len(fbx), 30)])
	}
}

func mustGetJob(t *testing.T, h *harness, id string) ugc.Job {
	t.Helper()
	job, err := h.client.GetJob(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	return job
}

func TestJobWithoutOutputsGetsTheServiceDefaults(t *testing.T) {
	h := newHarness(t)
	take := uploadedTake(t, h, []byte("video"))
	job, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID})
	if err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Hour)
	job = mustGetJob(t, h, job.ID)
	var formats []string
	for _, o := range job.Outputs {
		formats = append(formats, o.Format)
	}
	var want []string
	for _, o := range ugc.DefaultOutputs {
		want = append(want, strings.ToLower(string(o)))
	}
	slices.Sort(formats)
	slices.Sort(want)
	if !slices.Equal(formats, want) {
		t.Errorf("default outputs = %v, want %v", formats, want)
	}
}

func TestJobFailsWhenTheVideoWasNeverUploaded(t *testing.T) {
	h := newHarness(t)
	vf, err := h.client.CreateFile(ctx, "mov", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	take, err := h.client.CreateSingleCamTake(ctx, ugc.TakeRequest{DeviceLabel: "iphone", VideoFileID: vf.ID, VideoFormat: ugc.FormatMOV})
	if err != nil {
		t.Fatal(err)
	}
	job, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID})
	if err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(11 * time.Second)
	if job = mustGetJob(t, h, job.ID); job.State != ugc.StateFailed || len(job.Outputs) != 0 {
		t.Errorf("state %v with %d outputs, want failed with none", job.State, len(job.Outputs))
	}
}

func TestFailJobsFaultFailsTheNextJobHalfway(t *testing.T) {
	h := newHarness(t)
	take := uploadedTake(t, h, []byte("video"))
	h.sim.Faults().FailJobs(1)
	doomed, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID})
	if err != nil {
		t.Fatal(err)
	}
	healthy, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID})
	if err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(10*time.Second + 49*time.Second)
	if j := mustGetJob(t, h, doomed.ID); j.State != ugc.StateRunning {
		t.Errorf("before halfway the doomed job is %v", j.State)
	}
	h.clock.Advance(time.Second)
	if j := mustGetJob(t, h, doomed.ID); j.State != ugc.StateFailed || *j.Percent != 50 {
		t.Errorf("doomed job: %v at %v%%", j.State, *j.Percent)
	}
	h.clock.Advance(time.Hour)
	if j := mustGetJob(t, h, healthy.ID); !j.OutputsReady() {
		t.Errorf("the next job was hit too: %v", j.State)
	}
}

func TestListJobsPagesNewestFirstWithoutRepeats(t *testing.T) {
	h := newHarness(t)
	takeA := uploadedTake(t, h, []byte("a"))
	takeB := uploadedTake(t, h, []byte("b"))
	var created []string
	for i := range 25 {
		take := takeA
		if i%5 == 0 {
			take = takeB
		}
		job, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID})
		if err != nil {
			t.Fatal(err)
		}
		created = append(created, job.ID)
		h.clock.Advance(time.Second)
	}

	var listed []string
	var sizes []int
	params := ugc.ListJobsParams{First: 10}
	for {
		page, err := h.client.ListJobs(ctx, params)
		if err != nil {
			t.Fatal(err)
		}
		sizes = append(sizes, len(page.Jobs))
		for _, j := range page.Jobs {
			listed = append(listed, j.ID)
		}
		if page.Next == "" {
			break
		}
		params.After = page.Next
	}
	if !slices.Equal(sizes, []int{10, 10, 5}) {
		t.Errorf("page sizes = %v, want [10 10 5]", sizes)
	}
	newestFirst := slices.Clone(created)
	slices.Reverse(newestFirst)
	if !slices.Equal(listed, newestFirst) {
		t.Errorf("listed order differs from newest first")
	}

	oldest, err := h.client.ListJobs(ctx, ugc.ListJobsParams{First: 1, Ascending: true})
	if err != nil || len(oldest.Jobs) != 1 || oldest.Jobs[0].ID != created[0] {
		t.Errorf("ascending first page = %+v, %v", oldest.Jobs, err)
	}
	ofB, err := h.client.ListJobs(ctx, ugc.ListJobsParams{First: 100, TakeID: takeB.ID})
	if err != nil || len(ofB.Jobs) != 5 || ofB.Next != "" {
		t.Errorf("take B has %d jobs listed (next %q), want 5: %v", len(ofB.Jobs), ofB.Next, err)
	}
	for _, j := range ofB.Jobs {
		if j.TakeID != takeB.ID {
			t.Errorf("job %s of take %s listed under take B", j.ID, j.TakeID)
		}
	}
}

func TestUpdateJobRenamesAndKeepsWhatIsNotGiven(t *testing.T) {
	h := newHarness(t)
	take := uploadedTake(t, h, []byte("video"))
	job, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID, Name: "old", Metadata: json.RawMessage(`{"k":1}`)})
	if err != nil {
		t.Fatal(err)
	}
	renamed, err := h.client.UpdateJob(ctx, job.ID, "new name", nil)
	if err != nil {
		t.Fatal(err)
	}
	if renamed.Name != "new name" || string(renamed.Metadata) != `{"k":1}` {
		t.Errorf("after rename: name %q, metadata %s", renamed.Name, renamed.Metadata)
	}
	if again := mustGetJob(t, h, job.ID); again.Name != "new name" {
		t.Errorf("getJob after rename: %q", again.Name)
	}
}
