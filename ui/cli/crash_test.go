package cli

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"singlecam/core/backoff"
	"singlecam/core/engine"
	"singlecam/core/motion/bvh"
	"singlecam/core/paths"
	"singlecam/core/secrets"
	"singlecam/core/submit"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
	"singlecam/core/watch"
)

// childArgs carries a child process's submit arguments, for the crash tests.
const childArgs = "SINGLECAM_CLI_CHILD"

// TestMain runs `singlecam submit` as a child process when a crash test
// asks for one, and makes every test's engine poll in milliseconds.
func TestMain(m *testing.M) {
	tuneEngine = fastEngine
	if args := os.Getenv(childArgs); args != "" {
		os.Exit(runSubmit(strings.Split(args, "\x1f"), os.Stdout, os.Stderr))
	}
	os.Exit(m.Run())
}

func fastEngine(cfg *engine.Config) {
	fast := backoff.Policy{Attempts: 3, BaseDelay: time.Millisecond, MaxDelay: 2 * time.Millisecond}
	cfg.APIRetry, cfg.Transfer = fast, transfer.Config{Retry: fast, StallTimeout: 5 * time.Second}
	cfg.NetworkWait = backoff.Policy{BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond}
	cfg.Watch = watch.Config{MinInterval: 5 * time.Millisecond, MaxInterval: 20 * time.Millisecond}
}

// crashEnv is a simulator behind a proxy that stops the world at one
// moment of a submission, so a test can kill the process there.
type crashEnv struct {
	t        *testing.T
	sim      *ugcsim.Simulator
	api      *ugc.Client
	endpoint string

	mu       sync.Mutex
	answered bool // createSingleCamJob has answered
	moment   func(op string, r *http.Request, answered bool) bool
	serve    bool // the moment's call is served before the world stops
	partial  bool // ...and half its answer is sent
	arrived  chan struct{}
	gate     chan struct{}
}

func newCrashEnv(t *testing.T) *crashEnv {
	t.Helper()
	const key = "cli-crash-key-123456"
	sim, err := ugcsim.New(ugcsim.Config{Key: key, DataDir: t.TempDir(),
		Timing: ugcsim.Timing{Queue: 5 * time.Millisecond, Processing: 30 * time.Millisecond, OutputURLs: 5 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	e := &crashEnv{t: t, sim: sim, arrived: make(chan struct{}, 1), gate: make(chan struct{})}
	inner := sim.Handler()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		op := ""
		if r.URL.Path == ugcsim.GraphQLPath {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			if _, rest, ok := bytes.Cut(body, []byte(`"operationName":"`)); ok {
				op, _, _ = strings.Cut(string(rest), `"`)
			}
		}
		e.mu.Lock()
		stop := e.moment != nil && e.moment(op, r, e.answered)
		if stop {
			e.moment = nil
		}
		serve, partial := e.serve, e.partial
		e.mu.Unlock()
		if !stop {
			rec := httptest.NewRecorder()
			inner.ServeHTTP(rec, r)
			if op == "createSingleCamJob" && rec.Code == http.StatusOK {
				e.mu.Lock()
				e.answered = true
				e.mu.Unlock()
			}
			copyResponse(w, rec, len(rec.Body.Bytes()))
			return
		}
		if serve { // the service does its work, whatever becomes of the caller
			rec := httptest.NewRecorder()
			inner.ServeHTTP(rec, r.WithContext(context.WithoutCancel(r.Context())))
			if partial {
				copyResponse(w, rec, rec.Body.Len()/2)
				w.(http.Flusher).Flush()
			}
		}
		e.arrived <- struct{}{}
		select {
		case <-e.gate:
		case <-r.Context().Done():
		}
		panic(http.ErrAbortHandler)
	}))
	t.Cleanup(srv.Close)
	t.Cleanup(func() { close(e.gate) })
	e.endpoint = srv.URL + ugcsim.GraphQLPath
	if e.api, err = ugc.New(ugc.Config{Key: key, Endpoint: e.endpoint}); err != nil {
		t.Fatal(err)
	}
	t.Setenv(secrets.KeyEnv, key)
	t.Setenv("MOVE_UGC_ENDPOINT_URL", e.endpoint)
	t.Setenv(paths.DataDirEnv, t.TempDir())
	return e
}

func copyResponse(w http.ResponseWriter, rec *httptest.ResponseRecorder, n int) {
	for k, v := range rec.Header() {
		w.Header()[k] = v
	}
	w.WriteHeader(rec.Code)
	w.Write(rec.Body.Bytes()[:n])
}

// jobs counts the jobs on the account.
func (e *crashEnv) jobs() int {
	e.t.Helper()
	page, err := e.api.ListJobs(context.Background(), ugc.ListJobsParams{First: 100})
	if err != nil {
		e.t.Fatal(err)
	}
	return len(page.Jobs)
}

// child starts `singlecam submit args...` as another process.
func (e *crashEnv) child(args []string) (*exec.Cmd, *bytes.Buffer) {
	e.t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childArgs+"="+strings.Join(args, "\x1f"))
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		e.t.Fatal(err)
	}
	return cmd, &out
}

// openApp runs the app's engine over the same data folder, resuming the
// journal, until everything it picked up is saved; it returns the folders
// saved.
func (e *crashEnv) openApp(appDir string) []string {
	e.t.Helper()
	dataDir, _ := paths.DataDir()
	var mu sync.Mutex
	var saved []string
	savedOne := make(chan struct{}, 10)
	cfg := engine.Config{Key: os.Getenv(secrets.KeyEnv), Endpoint: e.endpoint, DataDir: dataDir,
		DownloadDir: appDir, AutoDownload: true}
	fastEngine(&cfg)
	eng, err := engine.New(cfg, func(ev engine.Event) {
		if s, ok := ev.(engine.SavedJob); ok {
			mu.Lock()
			if s.Err != nil {
				e.t.Errorf("the app could not save: %v", s.Err)
			}
			saved = append(saved, s.Folder)
			mu.Unlock()
			savedOne <- struct{}{}
		}
	})
	if err != nil {
		e.t.Fatal(err)
	}
	// Whether the app has a job to save: any submission not delivered yet.
	journal, err := submit.OpenJournal(filepath.Join(dataDir, "submissions"))
	if err != nil {
		e.t.Fatal(err)
	}
	records, _ := journal.Load()
	pending := false
	for _, r := range records {
		pending = pending || !r.Delivered
	}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	if _, err := eng.Start(ctx, true); err != nil {
		e.t.Fatal(err)
	}
	if pending {
		select {
		case <-savedOne:
		case <-time.After(30 * time.Second): // a guard against hanging, not a timing
			e.t.Fatal("the app never saved the job it resumed")
		}
	}
	eng.Stop() // waits for the watcher, then for the downloads it started

	mu.Lock()
	defer mu.Unlock()
	return saved
}

// Kill `singlecam submit` at every moment of a submission, then run the
// same command again and open the app, or open the app and then run the
// command again: one job in all, its outputs complete and intact in the
// folder the command asked for, nothing in the app's own folder.
func TestKilledSubmitRunAgainMakesOneJob(t *testing.T) {
	type moment struct {
		name    string
		at      func(op string, r *http.Request, answered bool) bool
		serve   bool
		partial bool
		signal  os.Signal
	}
	graphql := func(want string) func(string, *http.Request, bool) bool {
		return func(op string, _ *http.Request, _ bool) bool { return op == want }
	}
	polling := func(op string, _ *http.Request, answered bool) bool { return answered && op == "listJobs" }
	uploading := func(_ string, r *http.Request, _ bool) bool { return r.Method == http.MethodPut }
	downloading := func(_ string, r *http.Request, answered bool) bool {
		return answered && r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/blob/")
	}
	moments := []moment{
		{name: "upload", at: uploading, signal: os.Kill},
		{name: "job requested", at: graphql("createSingleCamJob"), signal: os.Kill},
		{name: "job created", at: graphql("createSingleCamJob"), serve: true, signal: os.Kill},
		{name: "polling", at: polling, signal: os.Kill},
		{name: "downloading", at: downloading, serve: true, partial: true, signal: os.Kill},
		{name: "Ctrl+C uploading", at: uploading, signal: os.Interrupt},
		{name: "Ctrl+C polling", at: polling, signal: os.Interrupt},
	}
	for _, m := range moments {
		for _, appFirst := range []bool{false, true} {
			order := "then submit again, then the app"
			if appFirst {
				order = "then the app, then submit again"
			}
			t.Run(m.name+"/"+order, func(t *testing.T) {
				e := newCrashEnv(t)
				dir, out, appDir := t.TempDir(), t.TempDir(), filepath.Join(t.TempDir(), "app")
				path := video(t, dir, "clip.mp4")
				args := []string{"--outputs", "render_video,all_bvh", "--out", out, path}
				e.mu.Lock()
				e.moment, e.serve, e.partial = m.at, m.serve, m.partial
				e.mu.Unlock()

				cmd, childOut := e.child(args)
				select {
				case <-e.arrived:
				case <-time.After(30 * time.Second): // a guard against hanging, not a timing
					cmd.Process.Kill()
					cmd.Wait()
					t.Fatalf("the moment never came:\n%s", childOut)
				}
				cmd.Process.Signal(m.signal)
				err := cmd.Wait()
				if m.signal == os.Interrupt {
					if code := cmd.ProcessState.ExitCode(); code != 130 || !strings.Contains(childOut.String(), "Run the same command again") {
						t.Errorf("after Ctrl+C: exit %d (%v)\n%s", code, err, childOut)
					}
				} else if ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus); !ok || !ws.Signaled() {
					t.Fatalf("the child was not killed (%v):\n%s", err, childOut)
				}

				again := func(wantCode int, wantSaid string) {
					var stdout, stderr bytes.Buffer
					code := submitVideos(context.Background(), args, &stdout, &stderr)
					if code != wantCode || !strings.Contains(stdout.String()+stderr.String(), wantSaid) {
						t.Errorf("submit again: exit %d, want %d saying %q\nstdout: %s\nstderr: %s", code, wantCode, wantSaid, &stdout, &stderr)
					}
				}
				if appFirst {
					for _, folder := range e.openApp(appDir) {
						if filepath.Dir(folder) != out {
							t.Errorf("the app saved in %s, want the folder the command asked for, %s", folder, out)
						}
					}
					again(1, "pass --again to pay for a new job")
				} else {
					again(0, "saved 2 files in "+filepath.Join(out, "clip"))
					if saved := e.openApp(appDir); len(saved) != 0 {
						t.Errorf("the app saved %v again", saved)
					}
				}

				if n := e.jobs(); n != 1 {
					t.Errorf("%d jobs on the account, want exactly 1", n)
				}
				checkOutputs(t, out, path)
				if _, err := os.Stat(appDir); !os.IsNotExist(err) {
					t.Errorf("the app's own folder was used: %v", err)
				}
			})
		}
	}
}

// checkOutputs finds one job folder in out, with the render video equal to
// the uploaded video byte for byte, a whole BVH and nothing half-done.
func checkOutputs(t *testing.T, out, videoPath string) {
	t.Helper()
	entries, _ := os.ReadDir(out)
	if len(entries) != 1 || entries[0].Name() != "clip" {
		var names []string
		for _, e := range entries {
			names = append(names, e.Name())
		}
		t.Fatalf("folders in --out: %v, want just clip", names)
	}
	folder := filepath.Join(out, "clip")
	video, _ := os.ReadFile(videoPath)
	render, err := os.ReadFile(filepath.Join(folder, "clip - render.mp4"))
	if err != nil || !bytes.Equal(render, video) {
		t.Errorf("the render differs from the uploaded video (%v)", err)
	}
	if data, err := os.ReadFile(filepath.Join(folder, "clip - all characters bvh.zip")); err != nil {
		t.Errorf("the ZIP of BVHs is missing (%v)", err)
	} else if _, err := bvh.ReadZip(bytes.NewReader(data), int64(len(data))); err != nil {
		t.Errorf("the ZIP of BVHs is damaged: %v", err)
	}
	files, _ := os.ReadDir(folder)
	for _, f := range files {
		if strings.HasSuffix(f.Name(), ".part") || strings.HasSuffix(f.Name(), ".tmp") {
			t.Errorf("left behind: %s", f.Name())
		}
	}
}

// Two terminals run the same submit at once on one data folder: one job.
func TestTwoProcessesOnOneDataFolderMakeOneJob(t *testing.T) {
	e := newCrashEnv(t)
	dir, out := t.TempDir(), t.TempDir()
	args := []string{"--outputs", "render_video,all_bvh", "--out", out, video(t, dir, "clip.mp4")}
	a, outA := e.child(args)
	b, outB := e.child(args)
	a.Wait()
	b.Wait()
	codes := []int{a.ProcessState.ExitCode(), b.ProcessState.ExitCode()}
	if (codes[0] != 0 && codes[1] != 0) || codes[0]+codes[1] > 1 {
		t.Errorf("exit codes %v, want one 0 and at most one 1 (refused)\nA: %s\nB: %s", codes, outA, outB)
	}
	if n := e.jobs(); n != 1 {
		t.Errorf("%d jobs, want 1\nA: %s\nB: %s", n, outA, outB)
	}
	checkOutputs(t, out, filepath.Join(dir, "clip.mp4"))
}
