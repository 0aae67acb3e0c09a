package ugcsim

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"math"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"singlecam/core/media"
	"singlecam/core/motion"
	"singlecam/core/motion/bvh"
	"singlecam/core/motion/gltf"
	"singlecam/core/motion/movedata"
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
			checkBVHZip(t, data)
		case outputType == "all_glb" || outputType == "main_glb":
			checkGLB(t, data, 30, 3)
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

// checkBVHZip reads ALL_BVH as Move documents it: a ZIP of one BVH per
// actor, here one actor on Move One's rig.
func checkBVHZip(t *testing.T, data []byte) {
	t.Helper()
	c, err := bvh.ReadZip(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("ALL_BVH: %v", err)
	}
	checkMoveMotion(t, "ALL_BVH", c, 30, 3)
}

// checkGLB reads a GLB output and checks its rig and timing.
func checkGLB(t *testing.T, data []byte, fps, seconds float64) {
	t.Helper()
	f, err := gltf.Read(bytes.NewReader(data), int64(len(data)), gltf.Options{Animation: -1})
	if err != nil {
		t.Fatalf("GLB: %v", err)
	}
	checkMoveMotion(t, "GLB", f.Clip, fps, seconds)
}

// checkMoveMotion checks a clip is Move One's rig with a T-pose first frame
// and then seconds of motion at fps.
func checkMoveMotion(t *testing.T, what string, c *motion.Clip, fps, seconds float64) {
	t.Helper()
	if len(c.Actors) != 1 || math.Abs(c.FPS-fps) > 1e-3 || c.Frames() != 1+int(math.Round(fps*seconds)) {
		t.Fatalf("%s: %d actors, %d frames at %v fps; want 1 actor, 1+%v s at %v fps", what, len(c.Actors), c.Frames(), c.FPS, seconds, fps)
	}
	s := c.Actors[0].Skeleton
	for _, name := range []string{"_1:Root", "_1:Hips", "_1:Neck", "_1:LeftHandThumb1", "_1:RightHandIndex1"} {
		if s.Index(name) < 0 {
			t.Errorf("%s: no bone %s", what, name)
		}
	}
	rest := s.RestWorld()
	first := c.WorldPositions(0, 0, nil)
	moved := 0.0
	for j := range first {
		if first[j].Sub(rest[j].Translation()).Len() > 1e-4 {
			t.Fatalf("%s: frame 0 is not the T-pose at %s", what, s.Joints[j].Name)
		}
		moved = math.Max(moved, c.WorldPositions(0, c.Frames()/2, nil)[j].Sub(first[j]).Len())
	}
	if moved < 0.1 {
		t.Errorf("%s: nothing moves (%g m at most)", what, moved)
	}
}

func checkMotionZip(t *testing.T, data []byte) {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatalf("motion data is not a zip: %v", err)
	}
	found := 0
	for _, f := range zr.File {
		rc, _ := f.Open()
		body, _ := io.ReadAll(rc)
		rc.Close()
		switch f.Name {
		case "motion.bvh":
			c, err := bvh.Read(bytes.NewReader(body), "motion")
			if err != nil {
				t.Fatalf("motion.bvh: %v", err)
			}
			checkMoveMotion(t, "motion.bvh", c, 30, 3)
			found++
		case "character_1.json":
			// The layout of Move's public sample: timestamps as strings,
			// 18 joints with positions, Z up.
			var doc struct {
				MocapData []struct {
					Timestamp string
					JointData map[string]struct {
						Position       []float64
						Type           string
						Rotations      []float64
						ReactionForces float64 `json:"reaction_forces"`
					} `json:"joint_data"`
				} `json:"mocap_data"`
			}
			if err := json.Unmarshal(body, &doc); err != nil {
				t.Fatalf("character_1.json: %v", err)
			}
			if len(doc.MocapData) != 91 || doc.MocapData[30].Timestamp != "1" || len(doc.MocapData[1].JointData) != 18 {
				t.Fatalf("character_1.json: %d frames, frame 30 at %q", len(doc.MocapData), doc.MocapData[30].Timestamp)
			}
			// Frame 0 is the T-pose: the hips stand 0.95 m up Z.
			root := doc.MocapData[0].JointData["Root"]
			if len(root.Position) != 3 || math.Abs(root.Position[2]-0.95) > 1e-4 || len(root.Rotations) != 3 {
				t.Errorf("Root %+v: want hips 0.95 m up Z", root)
			}
			found++
		}
	}
	if found != 2 {
		t.Error("motion data lacks motion.bvh or character_1.json")
	}
	// A lenient reader of Move's layout reads it as 18 joints over the frames.
	c, err := movedata.ReadZip(bytes.NewReader(data), int64(len(data)))
	if err != nil || len(c.Actors) != 1 || len(c.Actors[0].Skeleton.Joints) != 18 || c.Frames() != 91 || c.FPS != 30 {
		t.Errorf("motion data as read: %v %+v", err, c)
	}
}

func TestMotionFollowsTheVideosFrameRateAndLength(t *testing.T) {
	video, err := os.ReadFile("../media/testdata/fps15.mp4")
	if err != nil {
		t.Fatal(err)
	}
	tmp := filepath.Join(t.TempDir(), "v.mp4")
	os.WriteFile(tmp, video, 0o600)
	r, err := media.Probe(tmp, media.Options{})
	if err != nil || r.FPS != 15 {
		t.Fatalf("fixture: %v %+v", err, r)
	}
	ts := newTestSim(t, Config{})
	files := finishedOutputs(t, ts, video, "MAIN_GLB")
	checkGLB(t, files["main_glb"], 15, r.Duration.Seconds())
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
