package engine_test

import (
	"context"
	"errors"
	"net/http/httptest"
	"os"
	"path/filepath"
	"testing"
	"time"

	"singlecam/core/engine"
	"singlecam/core/media/mediatest"
	"singlecam/core/submit"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
)

// A renamed job's unopened folder and files follow the new name; once the
// folder was opened, they stay; the disk then says where the job is.
func TestRenameMovesAnUnopenedFolderOnly(t *testing.T) {
	eng, api, downloads, clock := quickEngine(t)
	job := finishedJob(t, api, clock, "Backflip")
	if _, _, err := eng.Download(context.Background(), job.ID, nil); err != nil {
		t.Fatal(err)
	}
	_, moved, err := eng.RenameJob(context.Background(), job.ID, "Front flip")
	if err != nil || !moved.Moved || moved.Folder != filepath.Join(downloads, "Front flip") {
		t.Fatalf("rename: %+v, %v", moved, err)
	}
	if _, err := os.Stat(filepath.Join(moved.Folder, "Front flip - all characters bvh.zip")); err != nil {
		t.Errorf("the file kept its old name: %v", err)
	}
	if err := eng.OpenedFolder(moved.Folder); err != nil {
		t.Fatal(err)
	}
	renamed, kept, err := eng.RenameJob(context.Background(), job.ID, "Side flip")
	if err != nil || !kept.Kept || kept.Folder != moved.Folder || renamed.Name != "Side flip" {
		t.Errorf("rename of an opened folder: %+v %+v, %v", renamed, kept, err)
	}
	onDisk, err := eng.OnDisk()
	if err != nil || onDisk[job.ID].Folder != moved.Folder {
		t.Errorf("on disk: %+v, %v", onDisk, err)
	}
}

// Submit again journals a new submission on the same take, whose job the
// queue asks for (the one paid call); a second Submit again of that take,
// while its new job is under way, pays for nothing. Remove hides a job from
// this computer's list for good, and Move keeps it.
func TestSubmitAgainAndRemove(t *testing.T) {
	eng, api, _, clock := quickEngine(t)
	job := finishedJob(t, api, clock, "Wave")
	again, err := eng.SubmitAgain(context.Background(), job.ID)
	if err != nil || again.ID == "" || again.TakeID != job.TakeID || again.Request.Name != "Wave" {
		t.Fatalf("again: %+v, %v", again, err)
	}
	eng.WaitSubmissions() // the queue has asked for the new job
	if sent := eng.SentAgain(job.ID); len(sent) != 1 || sent[0].ID != again.ID || sent[0].JobID == "" {
		t.Errorf("sent again: %+v, want the new submission with its job", sent)
	}
	if _, err := eng.SubmitAgain(context.Background(), job.ID); !errors.Is(err, submit.ErrSentAgain) {
		t.Errorf("a second submit again: %v, want ErrSentAgain", err)
	}
	page, err := api.ListJobs(context.Background(), ugc.ListJobsParams{First: 10})
	if err != nil || len(page.Jobs) != 2 || page.Jobs[0].TakeID != page.Jobs[1].TakeID {
		t.Fatalf("jobs: %+v, %v", page.Jobs, err)
	}
	if err := eng.Remove(job.ID); err != nil {
		t.Fatal(err)
	}
	if !eng.Removed()[job.ID] || eng.Removed()[again.ID] {
		t.Errorf("removed: %v", eng.Removed())
	}
	if _, err := api.GetJob(context.Background(), job.ID); err != nil {
		t.Errorf("Move lost the removed job: %v", err)
	}
}

// quickEngine is an engine on a simulator whose jobs move when the test
// moves the clock it returns.
func quickEngine(t *testing.T) (*engine.Engine, *ugc.Client, string, *ugcsim.ManualClock) {
	t.Helper()
	clock := ugcsim.NewManualClock(time.Now())
	sim, err := ugcsim.New(ugcsim.Config{Key: key, DataDir: t.TempDir(), Now: clock.Now,
		Timing: ugcsim.Timing{Queue: time.Millisecond, Processing: time.Millisecond, OutputURLs: time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(sim.Handler())
	t.Cleanup(srv.Close)
	downloads := t.TempDir()
	eng, err := engine.New(engine.Config{Key: key, Endpoint: srv.URL + ugcsim.GraphQLPath, DataDir: t.TempDir(), DownloadDir: downloads}, nil)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	eng.Start(ctx, false)
	t.Cleanup(func() { cancel(); eng.Stop() })
	api, err := ugc.New(ugc.Config{Key: key, Endpoint: srv.URL + ugcsim.GraphQLPath})
	if err != nil {
		t.Fatal(err)
	}
	return eng, api, downloads, clock
}

// finishedJob uploads a small video, makes its job and moves the clock on
// until its outputs are published.
func finishedJob(t *testing.T, api *ugc.Client, clock *ugcsim.ManualClock, name string) ugc.Job {
	t.Helper()
	path := filepath.Join(t.TempDir(), name+".mp4")
	if err := mediatest.WriteMP4(path, 50_000); err != nil {
		t.Fatal(err)
	}
	f, err := api.CreateFile(context.Background(), "mp4", name+".mp4", nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := transfer.New(transfer.Config{}).Upload(context.Background(), path, transfer.FixedURL(f.PresignedURL), nil); err != nil {
		t.Fatal(err)
	}
	take, err := api.CreateSingleCamTake(context.Background(), ugc.TakeRequest{DeviceLabel: "iphone", VideoFileID: f.ID, VideoFormat: ugc.FormatMP4})
	if err != nil {
		t.Fatal(err)
	}
	job, err := api.CreateSingleCamJob(context.Background(), ugc.JobRequest{TakeID: take.ID, Name: name, Outputs: []ugc.OutputType{ugc.OutputAllBVH}})
	if err != nil {
		t.Fatal(err)
	}
	clock.Advance(time.Second) // past the queue, the processing and the URLs' publication
	if job, err = api.GetJob(context.Background(), job.ID); err != nil {
		t.Fatal(err)
	}
	if !job.OutputsReady() {
		t.Fatalf("the job has no outputs a second later: %+v", job)
	}
	return job
}
