package ugc

import (
	"context"
	"encoding/json"
)

// CreateFile registers a file to upload; typ is "mp4", "mov", "avi" or
// "move". The returned File's PresignedURL takes one HTTP PUT of the bytes.
func (c *Client) CreateFile(ctx context.Context, typ, name string, metadata json.RawMessage) (File, error) {
	var w wireFile
	vars := map[string]any{"type": typ, "name": optional(name), "metadata": awsJSON(metadata)}
	if err := c.do(ctx, opCreateFile, vars, &w); err != nil {
		return File{}, err
	}
	return w.file(), nil
}

// CreateSingleCamTake makes a take from an uploaded video and, optionally,
// its .move file.
func (c *Client) CreateSingleCamTake(ctx context.Context, req TakeRequest) (Take, error) {
	sources := []map[string]any{{"deviceLabel": req.DeviceLabel, "fileId": req.VideoFileID, "format": req.VideoFormat}}
	if req.MoveFileID != "" {
		sources = append(sources, map[string]any{"deviceLabel": req.DeviceLabel, "fileId": req.MoveFileID, "format": FormatMove})
	}
	vars := map[string]any{"sources": sources, "name": optional(req.Name), "metadata": awsJSON(req.Metadata)}
	var w wireTake
	if err := c.do(ctx, opCreateSingleCamTake, vars, &w); err != nil {
		return Take{}, err
	}
	return w.take(), nil
}

// CreateSingleCamJob starts a job on a take. A job costs money, so this is
// not retried after a failure that may have reached the service: the error
// then has MayHaveApplied set, and the caller should look for the job
// (ListJobs with the take's id) before asking again.
func (c *Client) CreateSingleCamJob(ctx context.Context, req JobRequest) (Job, error) {
	vars := map[string]any{
		"takeId": req.TakeID, "name": optional(req.Name), "metadata": awsJSON(req.Metadata),
		"outputs": nil, "options": nil, "clipWindow": nil,
	}
	if len(req.Outputs) > 0 {
		vars["outputs"] = req.Outputs
	}
	if req.Options != nil {
		vars["options"] = optionsInput(*req.Options)
	}
	if req.ClipWindow != nil {
		vars["clipWindow"] = map[string]any{"startTime": req.ClipWindow.Start, "endTime": req.ClipWindow.End}
	}
	var w wireJob
	if err := c.do(ctx, opCreateSingleCamJob, vars, &w); err != nil {
		return Job{}, err
	}
	return w.job(), nil
}

func optionsInput(o Options) map[string]any {
	in := map[string]any{}
	set := func(name string, v *bool) {
		if v != nil {
			in[name] = *v
		}
	}
	set("trackFingers", o.TrackFingers)
	set("floorPlane", o.FloorPlane)
	set("trackBall", o.TrackBall)
	set("trackJerseyNumbers", o.TrackJerseyNumbers)
	if o.MocapModel != "" {
		in["mocapModel"] = o.MocapModel
	}
	return in
}

// UpdateJob renames a job or replaces its metadata; an empty name or nil
// metadata leaves that part as it is.
func (c *Client) UpdateJob(ctx context.Context, jobID, name string, metadata json.RawMessage) (Job, error) {
	vars := map[string]any{"id": jobID, "name": optional(name), "metadata": awsJSON(metadata)}
	var w wireJob
	if err := c.do(ctx, opUpdateJob, vars, &w); err != nil {
		return Job{}, err
	}
	return w.job(), nil
}
