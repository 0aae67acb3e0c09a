package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"singlecam/core/engine"
	"singlecam/core/joblist"
	"singlecam/core/submit"
	"singlecam/core/ugc"
	"singlecam/core/watch"
)

func runSubmit(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return submitVideos(ctx, args, stdout, stderr)
}

// submitVideos uploads each video, makes its job, waits, and saves the
// outputs. It exits 0 only when every output of every video is on disk.
// Nothing is sent until every video, the folder and the price have passed.
func submitVideos(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	plan, code, ok := parseSubmit(args, stderr)
	if !ok {
		return code
	}
	requests, ok := checkVideos(plan.base, plan.videos, stderr)
	if !ok {
		return 1
	}
	// The outputs need somewhere to go before a job is paid for.
	if err := engine.CheckDestination(plan.base.OutputDir, plan.videos...); err != nil {
		return fail(stderr, err)
	}
	if !estimateBatch(stderr, requests, plan.maxCents) {
		return 1
	}
	return sendAndFollow(ctx, requests, plan.base.OutputDir, stdout, stderr)
}

// submitPlan is what the command line asked for.
type submitPlan struct {
	base     submit.Request // every video's settings, without its path
	videos   []string
	maxCents int64 // -1: no limit
}

// parseSubmit reads the flags; when it fails it has said why and gives the
// exit code.
func parseSubmit(args []string, stderr io.Writer) (submitPlan, int, bool) {
	fs := flag.NewFlagSet("submit", flag.ContinueOnError)
	fs.SetOutput(stderr)
	move := fs.String("move", "", "the Move One .move `FILE` to send with the video (one video only)")
	label := fs.String("device-label", submit.DefaultDeviceLabel, "the camera's `LABEL`: lowercase letters, digits and hyphens")
	outputList := fs.String("outputs", "", "the `OUTPUTS` to make, comma-separated (e.g. MAIN_FBX,ALL_BVH); default: Move's defaults")
	name := fs.String("name", "", "the job's `NAME` (one video only); default: the video's file name")
	clip := fs.String("clip", "", "only this part of the video, `START:END` in seconds (e.g. 3.5:15)")
	fingers := fs.Bool("track-fingers", false, "track the fingers")
	floor := fs.Bool("floor-plane", false, "solve the floor plane")
	model := fs.String("mocap-model", "", "the `MODEL`: S1 or S2 (the single-camera models); default: Move's choice")
	ignoreLimits := fs.Bool("ignore-limits", false, "send videos outside Move's documented limits anyway")
	out := fs.String("out", ".", "the `FOLDER` to save each job's outputs in (a folder per job)")
	maxUSD := fs.String("max-usd", "", "send nothing if the batch's estimated price (with Move's choice of model, the higher one) is above this many US `DOLLARS`")
	again := fs.Bool("again", false, "pay for a new job even if the same video with the same settings was done recently")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: singlecam submit [flags] VIDEO...\n\n"+
			"Uploads each video, makes a Move job of it, waits for it and saves its outputs.\n"+
			"Progress goes to stderr. Exits 0 only when every output is saved.\n\nFlags:\n")
		printFlags(stderr, fs)
	}
	if code, ok := parseFlags(fs, args); !ok {
		return submitPlan{}, code, false
	}
	plan := submitPlan{videos: fs.Args()}
	if len(plan.videos) == 0 {
		fs.Usage()
		return plan, 2, false
	}
	if len(plan.videos) > 1 && (*move != "" || *name != "") {
		fmt.Fprintln(stderr, "singlecam submit: --move and --name go with one video only")
		return plan, 2, false
	}

	plan.base = submit.Request{MovePath: *move, DeviceLabel: *label, Name: *name, IgnoreLimits: *ignoreLimits,
		OutputDir: *out, Again: *again}
	var err error
	if plan.base.Outputs, err = parseOutputs(*outputList); err == nil {
		plan.base.ClipWindow, err = parseClip(*clip)
	}
	if err == nil {
		plan.base.Options, err = parseOptions(*fingers, *floor, *model)
	}
	var maxErr error
	plan.maxCents, maxErr = parseMaxUSD(*maxUSD)
	if err == nil {
		err = maxErr
	}
	if err != nil {
		fmt.Fprintln(stderr, "singlecam submit:", err)
		return plan, 2, false
	}
	return plan, 0, true
}

// checkVideos checks every video before anything is sent, and sends one
// listed twice (the same content under any name) once. It is false when a
// video would be refused: then nothing is sent at all.
func checkVideos(base submit.Request, videos []string, stderr io.Writer) ([]submit.Request, bool) {
	var requests []submit.Request
	refused := false
	first := map[string]string{} // fingerprint → the video first listed with it
	for _, v := range videos {
		req := base
		req.VideoPath = v
		warnings, err := submit.Check(req)
		for _, w := range warnings {
			fmt.Fprintln(stderr, "warning:", w)
		}
		if err != nil {
			fmt.Fprintf(stderr, "%s cannot be sent:\n  %s\n", v, strings.ReplaceAll(err.Error(), "\n", "\n  "))
			refused = true
			continue
		}
		if fp, err := submit.Fingerprint(req); err == nil {
			if earlier, seen := first[fp]; seen {
				fmt.Fprintf(stderr, "%s is the same video as %s with the same settings: it is sent once.\n", v, earlier)
				continue
			}
			first[fp] = v
		}
		requests = append(requests, req)
	}
	return requests, !refused
}

// sendAndFollow hands the requests to the engine (which resumes or refuses what
// was sent before) and follows them until every one has ended.
func sendAndFollow(ctx context.Context, requests []submit.Request, out string, stdout, stderr io.Writer) int {
	events := make(chan engine.Event, 256)
	eng, err := newEngine(out, true, func(ev engine.Event) { deliver(events, ev) })
	if err != nil {
		return fail(stderr, err)
	}
	eng.Start(ctx, false)
	defer eng.Stop() // leaves the journal consistent, even after Ctrl+C
	t := newTracker(stderr)
	for _, req := range requests {
		rec, _, err := eng.Submit(req)
		var done *submit.DoneError
		var busy *submit.BusyError
		switch {
		case errors.As(err, &done):
			t.refuse(fmt.Sprintf("%s: already done as job %s, saved in %s; pass --again to pay for a new job",
				req.VideoPath, done.Record.JobID, done.Record.SavedIn))
			continue
		case errors.As(err, &busy):
			t.refuse(fmt.Sprintf("%s: %s", req.VideoPath, engine.ExplainInTerminal(err)))
			continue
		case err != nil:
			return fail(stderr, err)
		}
		if rec.Resumed {
			fmt.Fprintf(stderr, "%s: resuming submission %s (%s); nothing already paid for is paid again\n",
				rec.Request.Name, rec.ID, resumedFrom(rec))
		}
		t.add(rec)
	}
	for !t.allDone() {
		select {
		case <-ctx.Done():
			fmt.Fprintln(stderr, "Interrupted. Run the same command again to carry on where it stopped; nothing is paid for twice.")
			return 130
		case ev := <-events:
			t.handle(ev)
		}
	}
	for _, line := range t.summary() {
		fmt.Fprintln(stdout, line)
	}
	if t.failures > 0 {
		return 1
	}
	return 0
}

// resumedFrom says where a carried-on submission stands.
func resumedFrom(rec *submit.Record) string {
	switch {
	case rec.JobID != "":
		return "job " + rec.JobID + " exists; waiting for its outputs"
	case rec.TakeID != "", rec.VideoUploaded:
		return "the video is uploaded"
	case rec.VideoFileID != "":
		return "carrying on the upload"
	}
	return "starting the upload"
}

// deliver passes events to the main loop, dropping progress (not outcomes)
// when it falls behind.
func deliver(ch chan<- engine.Event, ev engine.Event) {
	if isProgress(ev) {
		select {
		case ch <- ev:
		default:
		}
		return
	}
	ch <- ev
}

// isProgress tells the events a slow reader may miss: bytes on the move.
func isProgress(ev engine.Event) bool {
	switch ev := ev.(type) {
	case engine.DownloadProgress:
		return true
	case engine.SubmissionUpdate:
		return ev.Total > 0
	}
	return false
}

func parseOutputs(s string) ([]ugc.OutputType, error) {
	var out []ugc.OutputType
	names := splitList(s)
	if len(names) == 0 && strings.TrimSpace(s) != "" {
		return nil, fmt.Errorf("--outputs takes output names separated by commas, like MAIN_FBX,ALL_BVH (got %q)", s)
	}
	for _, name := range names {
		o := ugc.OutputType(strings.ToUpper(name))
		known := false
		for _, k := range ugc.AllOutputTypes {
			known = known || k == o
		}
		if !known {
			return nil, fmt.Errorf("unknown output %q; known outputs: %v", name, ugc.AllOutputTypes)
		}
		out = append(out, o)
	}
	return out, nil
}

func parseClip(s string) (*ugc.ClipWindow, error) {
	if s == "" {
		return nil, nil
	}
	start, end, ok := strings.Cut(s, ":")
	a, err1 := strconv.ParseFloat(strings.TrimSpace(start), 64)
	b, err2 := strconv.ParseFloat(strings.TrimSpace(end), 64)
	if !ok || err1 != nil || err2 != nil {
		return nil, fmt.Errorf("--clip takes START:END in seconds, like 3.5:15 (got %q)", s)
	}
	// Written so that NaN fails too: no comparison with NaN is true.
	if !(a >= 0 && b > a && !math.IsInf(b, 0)) {
		return nil, fmt.Errorf("--clip takes a window that starts at 0 or later and ends after it starts, in seconds, like 3.5:15 (got %q)", s)
	}
	return &ugc.ClipWindow{Start: a, End: b}, nil
}

func parseOptions(fingers, floor bool, model string) (*ugc.Options, error) {
	var o ugc.Options
	if fingers {
		o.TrackFingers = &fingers
	}
	if floor {
		o.FloorPlane = &floor
	}
	switch m := ugc.MocapModel(strings.ToUpper(model)); m {
	case "":
	case ugc.ModelS1, ugc.ModelS2, ugc.ModelM1, ugc.ModelM2:
		o.MocapModel = m
	default:
		return nil, fmt.Errorf("--mocap-model takes S1 or S2 (got %q)", model)
	}
	if o == (ugc.Options{}) {
		return nil, nil
	}
	return &o, nil
}

// tracker follows each submission to its saved outputs and prints progress.
type tracker struct {
	stderr   io.Writer
	names    map[string]string // by submission id, then by job id
	done     map[string]bool   // by submission id
	jobSub   map[string]string // job id → submission id
	lastSaid map[string]time.Time
	lastLine map[string]string
	results  []string
	failures int
}

func newTracker(stderr io.Writer) *tracker {
	return &tracker{stderr: stderr, names: map[string]string{}, done: map[string]bool{},
		jobSub: map[string]string{}, lastSaid: map[string]time.Time{}, lastLine: map[string]string{}}
}

func (t *tracker) add(rec *submit.Record) {
	t.names[rec.ID] = rec.Request.Name
	t.done[rec.ID] = false
	if rec.JobID != "" {
		t.jobSub[rec.JobID] = rec.ID
	}
}

// refuse counts a video that was not sent, and says why at the end.
func (t *tracker) refuse(line string) {
	fmt.Fprintln(t.stderr, line)
	t.results = append(t.results, line)
	t.failures++
}

func (t *tracker) allDone() bool {
	for _, d := range t.done {
		if !d {
			return false
		}
	}
	return true
}

// say prints a progress line, at most every two seconds per key unless it
// is news, and never the same line twice in a row.
func (t *tracker) say(key string, news bool, format string, args ...any) {
	line := fmt.Sprintf(format, args...)
	if line == t.lastLine[key] || (!news && time.Since(t.lastSaid[key]) < 2*time.Second) {
		return
	}
	t.lastSaid[key], t.lastLine[key] = time.Now(), line
	fmt.Fprintln(t.stderr, line)
}

func (t *tracker) finish(subID string, ok bool, line string) {
	if t.done[subID] {
		return
	}
	t.done[subID] = true
	if !ok {
		t.failures++
	}
	t.results = append(t.results, line)
}

func (t *tracker) handle(ev engine.Event) {
	switch ev := ev.(type) {
	case engine.SubmissionUpdate:
		s := ev.Status
		name := t.names[s.ID]
		switch {
		case s.Step == submit.StepFailed:
			t.say(s.ID, true, "%s: failed: %s", name, engine.ExplainInTerminal(s.Err))
			t.finish(s.ID, false, fmt.Sprintf("%s: failed: %s", name, engine.ExplainInTerminal(s.Err)))
		case s.Step == submit.StepWaiting:
			t.say(s.ID, true, "%s: %s", name, engine.ExplainInTerminal(s.Err))
		case s.Step == submit.StepSubmitted:
			t.jobSub[s.JobID] = s.ID
			t.say(s.ID, true, "%s: job %s created; Move is processing it", name, s.JobID)
		case s.Total > 0:
			t.say(s.ID, s.Done == 0 || s.Done == s.Total, "%s: %s %s of %s (%d%%)", name, s.Step.Text(),
				submit.HumanBytes(s.Done), submit.HumanBytes(s.Total), 100*s.Done/s.Total)
		default:
			t.say(s.ID, true, "%s: %s", name, s.Step.Text())
		}
	case engine.JobUpdate:
		sub := t.jobSub[ev.Job.ID]
		name := t.names[sub]
		switch ev.Kind {
		case watch.Progressed:
			if p := ev.Job.Percent; p != nil { // null is allowed
				t.say(sub+"/job", false, "%s: processing %d%%", name, *p)
			}
		case watch.StateChanged:
			job := ev.Job
			if job.State == ugc.StateFinished && !job.OutputsReady() {
				t.say(sub+"/job", true, "%s: Move finished; waiting for it to publish the files", name)
				return
			}
			t.say(sub+"/job", true, "%s: %s", name, job.State)
		case watch.OutputsReady:
			t.say(sub+"/job", true, "%s: outputs ready; downloading", name)
		case watch.Failed:
			t.say(sub+"/job", true, "%s: the job failed", name)
			t.finish(sub, false, fmt.Sprintf("%s: the job failed on Move's side", name))
		}
	case engine.DownloadProgress:
		d := ev
		sub := t.jobSub[d.JobID]
		if d.Total > 0 && d.Done > 0 {
			t.say(sub+"/"+d.Format, d.Done == d.Total, "%s: downloading %s %d%%", t.names[sub], d.Format, 100*d.Done/d.Total)
		}
	case engine.SavedJob:
		s := ev
		sub := t.jobSub[s.JobID]
		if s.Err != nil {
			// The explanation names the job and how to download it again.
			t.finish(sub, false, fmt.Sprintf("%s: %s", t.names[sub], engine.ExplainInTerminal(s.Err)))
			return
		}
		t.finish(sub, true, fmt.Sprintf("%s: saved %s in %s", t.names[sub], joblist.Files(len(s.Files)), s.Folder))
	}
}

func (t *tracker) summary() []string { return t.results }
