package cli

import (
	"bytes"
	"context"
	"hash/crc32"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"singlecam/core/media/mediatest"
	"singlecam/core/paths"
	"singlecam/core/secrets"
	"singlecam/core/ugcsim"
)

// withSimulator points the commands at a fast simulator, with a data folder
// of the test's own.
func withSimulator(t *testing.T) *ugcsim.Simulator {
	t.Helper()
	sim, err := ugcsim.New(ugcsim.Config{Key: "cli-test-key-123456", DataDir: t.TempDir(),
		Timing: ugcsim.Timing{Queue: 20 * time.Millisecond, Processing: 100 * time.Millisecond, OutputURLs: 20 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	t.Setenv(secrets.KeyEnv, "cli-test-key-123456")
	t.Setenv("MOVE_UGC_ENDPOINT_URL", srv.URL+ugcsim.GraphQLPath)
	t.Setenv(paths.DataDirEnv, t.TempDir())
	return sim
}

func video(t *testing.T, dir, name string) string {
	t.Helper()
	path := filepath.Join(dir, name)
	if err := mediatest.WriteMP4(path, 30_000+int64(crc32.ChecksumIEEE([]byte(name))%4096)); err != nil { // each name its own video
		t.Fatal(err)
	}
	return path
}

func TestSubmitRunsABatchToSavedOutputs(t *testing.T) {
	withSimulator(t)
	dir, out := t.TempDir(), t.TempDir()
	var stdout, stderr bytes.Buffer
	code := submitVideos(context.Background(), []string{
		"--outputs", "main_fbx,ALL_BVH,render_video", "--track-fingers", "--mocap-model", "s2", "--out", out,
		video(t, dir, "Jump.mp4"), video(t, dir, "Spin.mov"),
	}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
	}
	for _, job := range []string{"Jump", "Spin"} {
		for _, f := range []string{job + " - main.fbx", job + " - all characters bvh.zip", job + " - render.mp4"} {
			if _, err := os.Stat(filepath.Join(out, job, f)); err != nil {
				t.Errorf("missing %s/%s", job, f)
			}
		}
		if !strings.Contains(stdout.String(), job+": saved 3 files in ") {
			t.Errorf("stdout lacks %s's result: %s", job, stdout.String())
		}
	}
	for _, progress := range []string{"Uploading the video", "job job-", "outputs ready"} {
		if !strings.Contains(stderr.String(), progress) {
			t.Errorf("stderr lacks %q:\n%s", progress, stderr.String())
		}
	}
}

func TestSubmitRefusesBadInputBeforeSendingAnything(t *testing.T) {
	sim := withSimulator(t)
	dir := t.TempDir()
	notes := filepath.Join(dir, "notes.pdf")
	os.WriteFile(notes, []byte("%PDF"), 0o644)
	var stdout, stderr bytes.Buffer
	code := submitVideos(context.Background(), []string{"--device-label", "My Phone", video(t, dir, "ok.mp4"), notes}, &stdout, &stderr)
	if code != 1 {
		t.Errorf("exit %d, want 1", code)
	}
	for _, says := range []string{"not a video Singlecam can send", "lowercase letters, digits"} {
		if !strings.Contains(stderr.String(), says) {
			t.Errorf("stderr lacks %q:\n%s", says, stderr.String())
		}
	}
	if n := sim.GraphQLRequests(); n != 0 {
		t.Errorf("%d requests sent for a refused batch", n)
	}
}

func TestSubmitFlagsAreChecked(t *testing.T) {
	withSimulator(t)
	for _, args := range [][]string{
		{},
		{"--clip", "abc", "x.mp4"},
		{"--outputs", "MAIN_OBJ", "x.mp4"},
		{"--mocap-model", "Z9", "x.mp4"},
		{"--move", "a.move", "a.mp4", "b.mp4"},
	} {
		var stderr bytes.Buffer
		if code := submitVideos(context.Background(), args, &bytes.Buffer{}, &stderr); code != 2 {
			t.Errorf("%v: exit %d, want 2 (%s)", args, code, stderr.String())
		}
	}
}

func TestJobsAndDownload(t *testing.T) {
	withSimulator(t)
	dir, out := t.TempDir(), t.TempDir()
	if code := submitVideos(context.Background(), []string{"--outputs", "ALL_BVH", "--out", out, video(t, dir, "Wave.mp4")},
		&bytes.Buffer{}, &bytes.Buffer{}); code != 0 {
		t.Fatalf("submit exit %d", code)
	}
	var stdout, stderr bytes.Buffer
	if code := runJobs(nil, &stdout, &stderr); code != 0 || !strings.Contains(stdout.String(), "Wave") || !strings.Contains(stdout.String(), "finished") {
		t.Fatalf("jobs exit %d: %s %s", code, stdout.String(), stderr.String())
	}
	jobID := strings.Fields(strings.Split(stdout.String(), "\n")[1])[0]

	again := t.TempDir()
	stdout.Reset()
	if code := runDownload([]string{"--out", again, jobID}, &stdout, &stderr); code != 0 {
		t.Fatalf("download exit %d: %s", code, stderr.String())
	}
	if _, err := os.Stat(filepath.Join(again, "Wave", "Wave - all characters bvh.zip")); err != nil {
		t.Errorf("download did not save the BVH: %s", stdout.String())
	}
	stderr.Reset()
	if code := runDownload([]string{"job-unknown"}, &stdout, &stderr); code != 1 || !strings.Contains(stderr.String(), "does not know that job") {
		t.Errorf("unknown job: exit %d, %s", code, stderr.String())
	}
}

func TestCommandsWithoutAKeySayWhatToDo(t *testing.T) {
	withSimulator(t)
	t.Setenv(secrets.KeyEnv, "")
	t.Setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent") // no keyring either
	var stderr bytes.Buffer
	if code := runJobs(nil, &bytes.Buffer{}, &stderr); code != 1 || !strings.Contains(stderr.String(), "MOVE_API_KEY") {
		t.Errorf("exit %d: %s", code, stderr.String())
	}
}

// The same video listed twice (or a copy of it under another name) is sent
// once, and the user is told.
func TestSubmitSendsAVideoListedTwiceOnce(t *testing.T) {
	withSimulator(t)
	dir, out := t.TempDir(), t.TempDir()
	path := video(t, dir, "Twice.mp4")
	data, _ := os.ReadFile(path)
	copyPath := filepath.Join(dir, "Copy.mp4")
	os.WriteFile(copyPath, data, 0o644)
	var stdout, stderr bytes.Buffer
	code := submitVideos(context.Background(), []string{"--outputs", "ALL_BVH", "--out", out, path, copyPath, path}, &stdout, &stderr)
	if code != 0 {
		t.Fatalf("exit %d\nstdout: %s\nstderr: %s", code, stdout.String(), stderr.String())
	}
	if n := strings.Count(stderr.String(), "is the same video as "+path); n != 2 {
		t.Errorf("told %d times, want 2:\n%s", n, stderr.String())
	}
	if n := strings.Count(stdout.String(), "saved 1 file"); n != 1 {
		t.Errorf("%d jobs saved, want 1:\n%s", n, stdout.String())
	}
	if entries, _ := os.ReadDir(out); len(entries) != 1 {
		t.Errorf("%d job folders, want 1", len(entries))
	}
}
