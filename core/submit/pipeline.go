package submit

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"singlecam/core/media"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/words"
)

// Pipeline runs submissions against the API, journaling as it goes.
type Pipeline struct {
	API      *ugc.Client
	Transfer *transfer.Client
	Journal  *Journal
	// Now stamps records; nil means time.Now.
	Now func() time.Time
}

// IsTransient marks failures worth waiting out: the network, or the service
// or its storage being unavailable for a while.
func IsTransient(err error) bool {
	return errors.Is(err, ugc.ErrUnavailable) || errors.Is(err, transfer.ErrUnavailable)
}

// Run takes a submission from the first unfinished step to a created job.
// Each step's result is saved to the journal before the next step starts.
// report hears about every step and about upload progress.
func (p *Pipeline) Run(ctx context.Context, rec *Record, report func(Status)) error {
	return p.run(ctx, rec, report, nil)
}

// run is Run with a gate: before, when set, is asked before each step
// starts, and may keep it waiting (the queue holds a submission while the
// user is asked whether to cancel it) or stop it with an error.
func (p *Pipeline) run(ctx context.Context, rec *Record, report func(Status), before func(ctx context.Context, next Step) error) error {
	if report == nil {
		report = func(Status) {}
	}
	if before == nil {
		before = func(context.Context, Step) error { return nil }
	}
	status := func(step Step, done, total int64) {
		report(Status{ID: rec.ID, Name: rec.Request.Name, Step: step, Done: done, Total: total, JobID: rec.JobID})
	}
	req := rec.Request
	if !rec.VideoUploaded {
		if err := before(ctx, StepUploadingVideo); err != nil {
			return err
		}
		status(StepUploadingVideo, 0, fileSize(req.VideoPath))
		err := p.upload(ctx, rec, req.VideoPath, &rec.VideoFileID, &rec.VideoUploaded,
			func(done, total int64) { status(StepUploadingVideo, done, total) })
		if err != nil {
			return fmt.Errorf("upload the video: %w", err)
		}
	}
	if req.MovePath != "" && !rec.MoveUploaded {
		if err := before(ctx, StepUploadingMove); err != nil {
			return err
		}
		status(StepUploadingMove, 0, fileSize(req.MovePath))
		err := p.upload(ctx, rec, req.MovePath, &rec.MoveFileID, &rec.MoveUploaded,
			func(done, total int64) { status(StepUploadingMove, done, total) })
		if err != nil {
			return fmt.Errorf("upload the .move file: %w", err)
		}
	}
	if rec.TakeID == "" {
		if err := before(ctx, StepCreatingTake); err != nil {
			return err
		}
		status(StepCreatingTake, 0, 0)
		if err := p.createTake(ctx, rec); err != nil {
			return fmt.Errorf("create the take: %w", err)
		}
	}
	if rec.JobID == "" {
		if err := before(ctx, StepCreatingJob); err != nil {
			return err
		}
		status(StepCreatingJob, 0, 0)
		if err := p.createJob(ctx, rec); err != nil {
			return fmt.Errorf("create the job: %w", err)
		}
	}
	rec.Step, rec.Failure = StepSubmitted, ""
	if err := p.save(rec); err != nil {
		return err
	}
	status(StepSubmitted, 0, 0)
	return nil
}

// upload makes sure one file is on the service: created (once), then sent.
// A file made before a restart that refuses the bytes for good may have
// them already (the app was stopped after they arrived, and the first look
// at its download URL failed): it is looked at again, and if the video is
// not there a new file is made and sent, once. Files cost nothing; only a
// job is charged.
func (p *Pipeline) upload(ctx context.Context, rec *Record, path string, fileID *string, uploaded *bool, progress transfer.Progress) error {
	size := fileSize(path)
	if size <= 0 {
		return fmt.Errorf("%s is no longer there or is empty", words.QuoteFile(path))
	}
	resumed := *fileID != ""
	err := p.send(ctx, rec, path, size, fileID, progress)
	if err != nil && resumed && errors.Is(err, transfer.ErrRefused) {
		if _, there, _ := p.look(ctx, *fileID, size); there {
			err = nil
		} else {
			*fileID = ""
			err = p.send(ctx, rec, path, size, fileID, progress)
		}
	}
	if err != nil {
		return err
	}
	*uploaded = true
	return p.save(rec)
}

// send puts the video's bytes in its file on the service, making the file
// first when there is none yet. A file made before a restart whose bytes
// already arrived (the service now hands out a download URL for it) is not
// sent again.
func (p *Pipeline) send(ctx context.Context, rec *Record, path string, size int64, fileID *string, progress transfer.Progress) error {
	var firstURL string
	if *fileID == "" {
		meta, _ := json.Marshal(map[string]any{"singlecam": map[string]string{"submission": rec.ID}})
		f, err := p.API.CreateFile(ctx, media.UploadType(path), filepath.Base(path), meta)
		if err != nil {
			return err
		}
		*fileID, firstURL = f.ID, f.PresignedURL
		if err := p.save(rec); err != nil {
			return err
		}
	} else {
		url, there, err := p.look(ctx, *fileID, size)
		if err != nil || there {
			return err
		}
		firstURL = url
	}
	id := *fileID
	url := func(ctx context.Context, fresh bool) (string, error) {
		if !fresh {
			return firstURL, nil
		}
		f, err := p.API.GetFile(ctx, id)
		return f.PresignedURL, err
	}
	_, err := p.Transfer.Upload(ctx, path, url, progress)
	return err
}

// look fetches a file's current URL from the service, and whether the
// file already holds size bytes (its URL reads back that many: it is a
// download URL of the whole video). A failed read says only "not there".
func (p *Pipeline) look(ctx context.Context, fileID string, size int64) (url string, there bool, err error) {
	f, err := p.API.GetFile(ctx, fileID)
	if err != nil {
		return "", false, err
	}
	remote, err := p.Transfer.RemoteSize(ctx, f.PresignedURL)
	return f.PresignedURL, err == nil && remote == size, nil
}

func (p *Pipeline) createTake(ctx context.Context, rec *Record) error {
	req := rec.Request
	format := ugc.SourceFormat(map[string]string{"mp4": "MP4", "mov": "MOV", "avi": "AVI"}[media.UploadType(req.VideoPath)])
	take, err := p.API.CreateSingleCamTake(ctx, ugc.TakeRequest{
		Name: req.Name, Metadata: req.Metadata, DeviceLabel: req.DeviceLabel,
		VideoFileID: rec.VideoFileID, VideoFormat: format, MoveFileID: rec.MoveFileID,
	})
	if err != nil {
		return err
	}
	rec.TakeID = take.ID
	return p.save(rec)
}

// createJob creates the take's job exactly once. The take belongs to this
// submission alone, so any job found on it is this submission's.
func (p *Pipeline) createJob(ctx context.Context, rec *Record) error {
	if rec.JobRequested {
		if found, err := p.findJob(ctx, rec); err != nil || found {
			return err
		}
	}
	rec.JobRequested = true
	if err := p.save(rec); err != nil {
		return err
	}
	req := rec.Request
	job, err := p.API.CreateSingleCamJob(ctx, ugc.JobRequest{
		TakeID: rec.TakeID, Name: req.Name, Metadata: req.Metadata,
		Outputs: req.Outputs, Options: req.Options, ClipWindow: req.ClipWindow,
	})
	var apiErr *ugc.APIError
	if errors.As(err, &apiErr) && apiErr.MayHaveApplied {
		// It may have been made: look before anyone asks again.
		if found, findErr := p.findJob(ctx, rec); findErr != nil || found {
			return findErr
		}
	}
	if err != nil {
		return err
	}
	rec.JobID = job.ID
	return p.save(rec)
}

// findJob adopts a job already made for the record's take, if there is one.
func (p *Pipeline) findJob(ctx context.Context, rec *Record) (bool, error) {
	page, err := p.API.ListJobs(ctx, ugc.ListJobsParams{TakeID: rec.TakeID, First: 10, Ascending: true})
	if err != nil {
		return false, err
	}
	if len(page.Jobs) == 0 {
		return false, nil
	}
	rec.JobID = page.Jobs[0].ID // the first one made
	return true, p.save(rec)
}

func (p *Pipeline) save(rec *Record) error {
	rec.Updated = p.now()
	return p.Journal.Save(rec)
}

func (p *Pipeline) now() time.Time {
	if p.Now != nil {
		return p.Now()
	}
	return time.Now()
}

func fileSize(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return -1
	}
	return info.Size()
}
