package ugcsim

import (
	"archive/zip"
	"bytes"
	"context"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"
)

type jobState struct {
	GetJob struct {
		State    string
		Progress struct {
			State              string
			PercentageComplete *int
		}
		Outputs []struct {
			Format, Key string
			File        struct {
				Type         string
				PresignedURL *string
			}
		}
	}
}

func (ts *testSim) job(id string) jobState {
	ts.t.Helper()
	var out jobState
	ts.query(`query($id: ID!) { getJob(jobId: $id) { state progress { state percentageComplete }
	  outputs { format key file { type presignedUrl } } } }`, map[string]any{"id": id}, &out)
	return out
}

func (ts *testSim) newJob(take string, outputs ...string) string {
	ts.t.Helper()
	var out struct{ CreateSingleCamJob struct{ ID string } }
	ts.query(`mutation($t: String!, $o: [OutputType]) { createSingleCamJob(takeId: $t, outputs: $o) { id } }`,
		map[string]any{"t": take, "o": outputs}, &out)
	return out.CreateSingleCamJob.ID
}

func TestJobStatesAreSpelledAsTheServiceSpellsThem(t *testing.T) {
	ts := newTestSim(t, Config{})
	id := ts.newJob(ts.take(ts.uploadedVideo([]byte("v"))))
	for _, step := range []struct {
		advance time.Duration
		state   string
		percent string
		outputs int
		urls    bool
	}{
		{0, "NOT STARTED", "null", 0, false},
		{10 * time.Second, "RUNNING", "0", 0, false},
		{25 * time.Second, "RUNNING", "25", 0, false},
		{75 * time.Second, "FINISHED", "100", 7, false},
		{30 * time.Second, "FINISHED", "100", 7, true},
	} {
		ts.clock.Advance(step.advance)
		j := ts.job(id).GetJob
		percent := "null"
		if j.Progress.PercentageComplete != nil {
			percent = strconv.Itoa(*j.Progress.PercentageComplete)
		}
		if j.State != step.state || j.Progress.State != step.state || percent != step.percent || len(j.Outputs) != step.outputs {
			t.Errorf("after +%v: state %q/%q, %s%%, %d outputs; want %q, %s%%, %d", step.advance,
				j.State, j.Progress.State, percent, len(j.Outputs), step.state, step.percent, step.outputs)
		}
		for _, o := range j.Outputs {
			if (o.File.PresignedURL != nil) != step.urls {
				t.Errorf("after +%v: output %s has URL %v, want %v", step.advance, o.Format, o.File.PresignedURL != nil, step.urls)
			}
		}
	}
}

func TestSpeedScalesSimulatedTime(t *testing.T) {
	ts := newTestSim(t, Config{Speed: 10})
	id := ts.newJob(ts.take(ts.uploadedVideo([]byte("v"))))
	ts.clock.Advance(1 * time.Second) // queue of 10 s at speed 10
	ts.clock.Advance(5 * time.Second) // half of 100 s at speed 10
	if j := ts.job(id).GetJob; j.State != "RUNNING" || *j.Progress.PercentageComplete != 50 {
		t.Errorf("at speed 10 after 6 s: %s %v%%", j.State, *j.Progress.PercentageComplete)
	}
}

// finishedOutputs runs a job with the given outputs to the end and fetches
// each output's bytes by format.
func finishedOutputs(t *testing.T, ts *testSim, video []byte, outputs ...string) map[string][]byte {
	t.Helper()
	id := ts.newJob(ts.take(ts.uploadedVideo(video)), outputs...)
	ts.clock.Advance(time.Hour)
	files := map[string][]byte{}
	for _, o := range ts.job(id).GetJob.Outputs {
		if o.Key != o.Format {
			t.Errorf("key %q differs from format %q", o.Key, o.Format)
		}
		resp, err := http.Get(*o.File.PresignedURL)
		if err != nil {
			t.Fatal(err)
		}
		data, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		files[o.Format] = data
	}
	return files
}

func TestEveryOutputTypeMakesAFile(t *testing.T) {
	ts := newTestSim(t, Config{})
	var all []string
	for outputType := range outputKinds {
		all = append(all, outputType)
	}
	files := finishedOutputs(t, ts, []byte("the video"), all...)
	if len(files) != len(outputKinds) {
		t.Fatalf("%d outputs for %d types", len(files), len(outputKinds))
	}
	for outputType, data := range files {
		switch {
		case strings.HasPrefix(outputType, "render_"):
			if string(data) != "the video" {
				t.Errorf("%s is not the uploaded video", outputType)
			}
		case outputType == "all_bvh":
			checkBVH(t, data)
		case outputType == "motion_data":
			checkMotionZip(t, data)
		case outputType == "sync_data":
			if !bytes.Contains(data, []byte(placeholderBanner)) {
				t.Errorf("sync data does not say where it came from")
			}
		default:
			if !bytes.HasPrefix(data, []byte(placeholderBanner)) {
				t.Errorf("%s does not start by saying it comes from the simulator: %q", outputType, data[:min(len(data), 40)])
			}
		}
	}
}

// checkBVH verifies the motion section has one value per declared channel
// on each of the declared number of frames.
func checkBVH(t *testing.T, data []byte) {
	t.Helper()
	text := string(data)
	hierarchy, motion, ok := strings.Cut(text, "MOTION\n")
	if !ok || !strings.HasPrefix(hierarchy, "HIERARCHY\nROOT ") {
		t.Fatal("BVH lacks HIERARCHY/ROOT/MOTION")
	}
	channels := 0
	for _, line := range strings.Split(hierarchy, "\n") {
		if fields := strings.Fields(line); len(fields) > 1 && fields[0] == "CHANNELS" {
			n, _ := strconv.Atoi(fields[1])
			channels += n
		}
	}
	if strings.Count(hierarchy, "{") != strings.Count(hierarchy, "}") {
		t.Error("BVH braces do not balance")
	}
	lines := strings.Split(strings.TrimSpace(motion), "\n")
	frames, _ := strconv.Atoi(strings.TrimPrefix(lines[0], "Frames: "))
	if frames != len(lines)-2 || frames == 0 {
		t.Fatalf("BVH declares %d frames and has %d", frames, len(lines)-2)
	}
	for i, line := range lines[2:] {
		if n := len(strings.Fields(line)); n != channels {
			t.Fatalf("frame %d has %d values for %d channels", i, n, channels)
		}
	}
}

func checkMotionZip(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("motion data is not a zip: %v", err)
	}
	for _, f := range zr.File {
		if f.Name == "motion.bvh" {
			rc, _ := f.Open()
			bvh, _ := io.ReadAll(rc)
			rc.Close()
			checkBVH(t, bvh)
			return
		}
	}
	t.Error("motion data holds no motion.bvh")
}

func TestListenServesUntilShutdown(t *testing.T) {
	sim, err := New(Config{Key: testKey})
	if err != nil {
		t.Fatal(err)
	}
	defer sim.Close()
	srv, err := sim.Listen("127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	req, _ := http.NewRequest(http.MethodPost, srv.Endpoint, strings.NewReader(`{"query":"{ client { name } }"}`))
	req.Header.Set("authorization", testKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !strings.Contains(string(body), `"name":"Singlecam Demo Studio"`) {
		t.Errorf("answer: %s", body)
	}
	if err := srv.Shutdown(context.Background()); err != nil {
		t.Errorf("shutdown: %v", err)
	}
	if _, err := http.Post(srv.Endpoint, "application/json", strings.NewReader("{}")); err == nil {
		t.Error("still serving after shutdown")
	}
}
