package submit

import (
	"context"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"

	"singlecam/core/transfer"
	"singlecam/core/ugc"
)

var ctx = context.Background()

func TestSubmissionGoesFromFilesToAJob(t *testing.T) {
	e := newEnv(t)
	var mu sync.Mutex
	var steps []Step
	q := e.fastQueue(func(s Status) {
		mu.Lock()
		defer mu.Unlock()
		if len(steps) == 0 || steps[len(steps)-1] != s.Step {
			steps = append(steps, s.Step)
		}
	})
	rec, warnings, err := q.Add(ctx, Request{
		VideoPath: e.video("Backflip.mp4", 200_000), MovePath: e.video("Backflip.move", 1000),
		Outputs: []ugc.OutputType{ugc.OutputMainFBX},
	})
	if err != nil || len(warnings) != 1 || !strings.Contains(warnings[0], "smaller than 720p") {
		t.Fatalf("add: %v, warnings %v", err, warnings)
	}
	q.Wait()

	records, err := e.pipeline.Journal.Load()
	if err != nil || len(records) != 1 {
		t.Fatalf("journal: %d records, %v", len(records), err)
	}
	got := records[0]
	if got.ID != rec.ID || got.Step != StepSubmitted || got.JobID == "" || got.TakeID == "" || !got.VideoUploaded || !got.MoveUploaded {
		t.Fatalf("journaled record = %+v", got)
	}
	if got.Request.Name != "Backflip" || got.Request.DeviceLabel != "iphone" {
		t.Errorf("defaults: name %q, label %q", got.Request.Name, got.Request.DeviceLabel)
	}
	want := []Step{StepQueued, StepUploadingVideo, StepUploadingMove, StepCreatingTake, StepCreatingJob, StepSubmitted}
	if strings.Join(stepNames(steps), ",") != strings.Join(stepNames(want), ",") {
		t.Errorf("steps %v, want %v", steps, want)
	}
	take, err := e.pipeline.API.GetTake(ctx, got.TakeID)
	if err != nil || len(take.Sources) != 2 || take.Name != "Backflip" {
		t.Errorf("take = %+v, %v", take, err)
	}
	job, err := e.pipeline.API.GetJob(ctx, got.JobID)
	if err != nil || job.TakeID != got.TakeID || job.Name != "Backflip" {
		t.Errorf("job = %+v, %v", job, err)
	}
}

func stepNames(steps []Step) []string {
	out := make([]string, len(steps))
	for i, s := range steps {
		out[i] = string(s)
	}
	return out
}

// A record as the journal holds it after a crash partway through.
func (e *env) crashedRecord(t *testing.T, upTo Step) *Record {
	t.Helper()
	path := e.video("clip.mp4", 50_000)
	rec := &Record{ID: "sub-crashed", Request: Request{VideoPath: path}.withDefaults()}
	f, err := e.pipeline.API.CreateFile(ctx, "mp4", "clip.mp4", nil)
	if err != nil {
		t.Fatal(err)
	}
	rec.VideoFileID = f.ID
	if upTo == StepUploadingVideo {
		return rec
	}
	if _, err := e.pipeline.Transfer.Upload(ctx, path, transfer.FixedURL(f.PresignedURL), nil); err != nil {
		t.Fatal(err)
	}
	rec.VideoUploaded = true
	if upTo == StepCreatingTake {
		return rec
	}
	take, err := e.pipeline.API.CreateSingleCamTake(ctx, ugc.TakeRequest{DeviceLabel: "iphone", VideoFileID: f.ID, VideoFormat: ugc.FormatMP4})
	if err != nil {
		t.Fatal(err)
	}
	rec.TakeID = take.ID
	return rec
}

func TestResumeRedoesNothingFinished(t *testing.T) {
	e := newEnv(t)
	rec := e.crashedRecord(t, StepCreatingJob)
	puts, creates, takes := e.puts.Load(), e.opCount("createFile"), e.opCount("createSingleCamTake")
	if err := e.pipeline.Run(ctx, rec, nil); err != nil {
		t.Fatal(err)
	}
	if e.puts.Load() != puts || e.opCount("createFile") != creates || e.opCount("createSingleCamTake") != takes {
		t.Error("a finished step was done again")
	}
	if rec.JobID == "" || e.jobsOfTake(rec.TakeID) != 1 {
		t.Errorf("job %q; %d jobs on the take", rec.JobID, e.jobsOfTake(rec.TakeID))
	}
}

func TestUploadThatArrivedButWasNotJournaledIsNotSentAgain(t *testing.T) {
	e := newEnv(t)
	rec := e.crashedRecord(t, StepCreatingTake)
	rec.VideoUploaded = false // the app stopped between the upload and the journal
	puts := e.puts.Load()
	if err := e.pipeline.Run(ctx, rec, nil); err != nil {
		t.Fatal(err)
	}
	if e.puts.Load() != puts {
		t.Errorf("the video was uploaded again (%d PUTs)", e.puts.Load()-puts)
	}
	if !rec.VideoUploaded || rec.JobID == "" {
		t.Errorf("record = %+v", rec)
	}
}

// TestAnUploadThatArrivedIsKeptWhenTheFirstCheckFails: the app was killed
// after the video's bytes reached the storage, so on restart the file's URL
// is a download URL. The first look at it fails (here the storage loses
// the file for one request); the video must not be PUT to a download URL
// and given up on ("a fresh URL was refused too"), as it was once after a
// kill with --missing-files: it looks again, finds the video there, and
// goes on without sending it again.
func TestAnUploadThatArrivedIsKeptWhenTheFirstCheckFails(t *testing.T) {
	e := newEnv(t)
	rec := e.crashedRecord(t, StepCreatingTake)
	rec.VideoUploaded = false
	e.sim.Faults().MissingFiles(1)
	creates := e.opCount("createFile")
	if err := e.pipeline.Run(ctx, rec, nil); err != nil {
		t.Fatal(err)
	}
	if !rec.VideoUploaded || rec.JobID == "" || e.opCount("createFile") != creates {
		t.Errorf("record = %+v, %d files made", rec, e.opCount("createFile")-creates)
	}
}

// TestAFileThatCannotBeSentToIsMadeAgain: when the video's file on the
// service refuses the upload for good and the video is not there, a new
// file is made (files cost nothing; only a job is charged) and the video
// sent to it, once.
func TestAFileThatCannotBeSentToIsMadeAgain(t *testing.T) {
	e := newEnv(t)
	rec := e.crashedRecord(t, StepUploadingVideo)
	e.sim.Faults().ExpireNextURLs(2) // the URL, and the fresh one, refused
	creates := e.opCount("createFile")
	if err := e.pipeline.Run(ctx, rec, nil); err != nil {
		t.Fatal(err)
	}
	if !rec.VideoUploaded || rec.JobID == "" || e.opCount("createFile") != creates+1 {
		t.Errorf("record = %+v, %d files made", rec, e.opCount("createFile")-creates)
	}
}

func TestHalfUploadedVideoIsUploadedAgainToTheSameFile(t *testing.T) {
	e := newEnv(t)
	rec := e.crashedRecord(t, StepUploadingVideo)
	creates := e.opCount("createFile")
	if err := e.pipeline.Run(ctx, rec, nil); err != nil {
		t.Fatal(err)
	}
	if e.opCount("createFile") != creates || !rec.VideoUploaded {
		t.Errorf("createFile sent again, or not uploaded: %+v", rec)
	}
}

func TestJobRequestedBeforeACrashIsAdoptedNotMadeAgain(t *testing.T) {
	e := newEnv(t)
	rec := e.crashedRecord(t, StepCreatingJob)
	made, err := e.pipeline.API.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: rec.TakeID})
	if err != nil {
		t.Fatal(err)
	}
	rec.JobRequested = true // sent; the app stopped before the answer was journaled
	if err := e.pipeline.Run(ctx, rec, nil); err != nil {
		t.Fatal(err)
	}
	if rec.JobID != made.ID || e.jobsOfTake(rec.TakeID) != 1 {
		t.Errorf("adopted %q, want %q; %d jobs on the take", rec.JobID, made.ID, e.jobsOfTake(rec.TakeID))
	}
}

// The service makes the job but the answer is lost on the way back: the
// pipeline must find that job rather than pay for a second.
func TestLostAnswerToJobCreationDoesNotMakeASecondJob(t *testing.T) {
	e := newEnv(t)
	rec := e.crashedRecord(t, StepCreatingJob)
	dropped := false
	e.intercept = func(op string, w http.ResponseWriter, r *http.Request) bool {
		if op != "createSingleCamJob" || dropped {
			return false
		}
		dropped = true
		e.sim.Handler().ServeHTTP(httptest.NewRecorder(), r) // the job is made...
		panic(http.ErrAbortHandler)                          // ...and the connection drops
	}
	if err := e.pipeline.Run(ctx, rec, nil); err != nil {
		t.Fatal(err)
	}
	if !dropped || e.jobsOfTake(rec.TakeID) != 1 || e.opCount("createSingleCamJob") != 1 {
		t.Errorf("dropped %v; %d jobs; createSingleCamJob sent %d times", dropped, e.jobsOfTake(rec.TakeID), e.opCount("createSingleCamJob"))
	}
}

// The service makes the job and answers HTTP 200, but the answer is cut
// short and cannot be read: like a lost answer, the job is adopted, not paid
// for again, and the record is not left failed.
func TestUnreadableAnswerToJobCreationAdoptsTheJob(t *testing.T) {
	e := newEnv(t)
	rec := e.crashedRecord(t, StepCreatingJob)
	e.sim.Faults().TruncateAnswers("createSingleCamJob", 1)
	if err := e.pipeline.Run(ctx, rec, nil); err != nil {
		t.Fatalf("run: %v", err)
	}
	if rec.JobID == "" || e.jobsOfTake(rec.TakeID) != 1 || e.opCount("createSingleCamJob") != 1 {
		t.Errorf("job %q; %d jobs; createSingleCamJob sent %d times", rec.JobID, e.jobsOfTake(rec.TakeID), e.opCount("createSingleCamJob"))
	}
}

func TestNetworkTroubleWaitsThenCarriesOn(t *testing.T) {
	e := newEnv(t)
	e.sim.Faults().FailCalls(6) // three tries of createFile, two attempts each
	var mu sync.Mutex
	waited := 0
	q := e.fastQueue(func(s Status) {
		if s.Step == StepWaiting {
			mu.Lock()
			waited++
			mu.Unlock()
		}
	})
	if _, _, err := q.Add(ctx, Request{VideoPath: e.video("a.mp4", 20_000)}); err != nil {
		t.Fatal(err)
	}
	q.Wait()
	records, _ := e.pipeline.Journal.Load()
	if waited != 3 || records[0].Step != StepSubmitted || records[0].JobID == "" {
		t.Errorf("waited %d times; record %+v", waited, records[0])
	}
}

func TestFailureIsJournaledAndRetryCarriesOn(t *testing.T) {
	e := newEnv(t)
	var mu sync.Mutex
	var failure error
	q := e.fastQueue(func(s Status) {
		if s.Step == StepFailed {
			mu.Lock()
			failure = s.Err
			mu.Unlock()
		}
	})
	path := e.video("gone.mp4", 20_000)
	moved := strings.TrimSuffix(path, "gone.mp4") + "moved.mp4"
	rec := &Record{ID: "sub-1", Request: Request{VideoPath: moved}.withDefaults()}
	e.pipeline.Journal.Save(rec)
	q.start(ctx, rec)
	q.Wait()
	records, _ := e.pipeline.Journal.Load()
	if failure == nil || records[0].Step != StepFailed || !strings.Contains(records[0].Failure, "no longer there") {
		t.Fatalf("failure %v; record %+v", failure, records[0])
	}
	os.Rename(path, moved) // the user puts the file back
	if err := q.Retry(ctx, "sub-1"); err != nil {
		t.Fatal(err)
	}
	q.Wait()
	records, _ = e.pipeline.Journal.Load()
	if records[0].Step != StepSubmitted || records[0].JobID == "" {
		t.Errorf("after retry: %+v", records[0])
	}
}

func TestBatchUploadsAtMostTwoAtOnce(t *testing.T) {
	e := newEnv(t)
	e.sim.Faults().SetLatency(30 * 1e6) // 30 ms a request, so uploads overlap
	q := e.fastQueue(nil)
	for _, name := range []string{"a.mp4", "b.mp4", "c.mp4", "d.mp4", "e.mp4"} {
		if _, _, err := q.Add(ctx, Request{VideoPath: e.video(name, 20_000)}); err != nil {
			t.Fatal(err)
		}
	}
	q.Wait()
	records, _ := e.pipeline.Journal.Load()
	for _, r := range records {
		if r.JobID == "" {
			t.Errorf("%s has no job: %+v", r.Request.Name, r)
		}
	}
	if got := e.maxFlight.Load(); got < 1 || got > DefaultConcurrency {
		t.Errorf("%d uploads at once, want at most %d", got, DefaultConcurrency)
	}
}

func TestResumeStartsOnlyUnfinishedSubmissions(t *testing.T) {
	e := newEnv(t)
	done := e.crashedRecord(t, StepCreatingJob)
	done.ID, done.JobID, done.Step = "sub-done", "job-x", StepSubmitted
	failed := &Record{ID: "sub-failed", Step: StepFailed, Request: Request{VideoPath: "/nowhere.mp4"}}
	pending := e.crashedRecord(t, StepCreatingTake)
	pending.ID = "sub-pending"
	for _, r := range []*Record{done, failed, pending} {
		e.pipeline.Journal.Save(r)
	}
	q := e.fastQueue(nil)
	records, err := q.Resume(ctx)
	if err != nil || len(records) != 3 {
		t.Fatalf("resume: %d records, %v", len(records), err)
	}
	q.Wait()
	after, _ := e.pipeline.Journal.Load()
	for _, r := range after {
		switch r.ID {
		case "sub-pending":
			if r.JobID == "" {
				t.Error("the unfinished submission was not resumed")
			}
		case "sub-failed":
			if r.Step != StepFailed {
				t.Error("a failed submission was restarted without being asked")
			}
		case "sub-done":
			if r.JobID != "job-x" {
				t.Error("a finished submission was touched")
			}
		}
	}
}
