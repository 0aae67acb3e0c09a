package engine

import (
	"context"
	"errors"
	"syscall"

	"singlecam/core/outputs"
	"singlecam/core/secrets"
	"singlecam/core/submit"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
)

// Explain turns an error from the core into a sentence a person who never
// opened a terminal understands, saying what to do next. It never repeats
// the API key (the core's errors never hold it).
func Explain(err error) string {
	var check *submit.CheckError
	var apiErr *ugc.APIError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &check):
		return check.Error()
	case errors.Is(err, secrets.ErrNoKey):
		return "Singlecam has no Move API key yet. Paste yours in Settings (or set MOVE_API_KEY), or try the demo."
	case errors.Is(err, secrets.ErrNoKeyring):
		return "This computer has no keyring to keep the API key in. Set MOVE_API_KEY, or keep the key for this session only."
	case errors.Is(err, ugc.ErrKeyFormat):
		return "That does not look like a whole Move API key (keys are at least 12 characters). Copy it again from your Move account."
	case errors.Is(err, ugc.ErrUnauthorized):
		return "Move refused the API key. Check it in Settings, or make a new one in your Move account."
	case errors.Is(err, syscall.ENOSPC):
		return "The disk is full. Free some space and try again: what was downloaded so far is kept."
	case errors.Is(err, outputs.ErrJobFailed):
		return "This job failed, so it has no files. Check that the video is within Move's limits and submit it again."
	case errors.Is(err, outputs.ErrNotReady):
		return "The job's files are not ready yet; Singlecam will fetch them when they are."
	case errors.Is(err, ugc.ErrUnavailable), errors.Is(err, transfer.ErrUnavailable):
		return "Move cannot be reached right now (no network, or the service is busy). Singlecam keeps trying."
	case errors.Is(err, ugc.ErrNotFound):
		return "Move does not know that job or file; it may belong to another account."
	case errors.As(err, &apiErr) && errors.Is(err, ugc.ErrInvalidInput):
		return "Move refused the request: " + apiErr.Message
	case errors.Is(err, transfer.ErrRefused):
		return "The file storage refused the transfer. Try again; if it keeps happening, submit the video again."
	case errors.Is(err, context.Canceled):
		return "Stopped."
	}
	return "Something went wrong: " + err.Error()
}
