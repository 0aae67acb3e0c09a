package engine

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"syscall"

	"singlecam/core/outputs"
	"singlecam/core/secrets"
	"singlecam/core/submit"
	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/watch"
)

// Explain turns an error from the core into a sentence a person who never
// opened a terminal understands, saying what to do next in the app. It
// never repeats the API key (the core's errors never hold it).
func Explain(err error) string { return explain(err, inApp) }

// ExplainInTerminal is Explain for the terminal front end: what to do next
// is said with commands and environment variables, not the app's Settings.
func ExplainInTerminal(err error) string { return explain(err, inTerminal) }

// audience is who reads an explanation: the app's user or the terminal's.
type audience bool

const (
	inApp      audience = false
	inTerminal audience = true
)

// pick is the app's or the terminal's words.
func (a audience) pick(app, terminal string) string {
	if a == inTerminal {
		return terminal
	}
	return app
}

func explain(err error, a audience) string {
	var check *submit.CheckError
	var busy *submit.BusyError
	var apiErr *ugc.APIError
	var download *DownloadError
	var dest *outputs.DestinationError
	var endpoint *ugc.EndpointError
	switch {
	case err == nil:
		return ""
	case errors.As(err, &check):
		return check.Error()
	case errors.As(err, &download):
		return explainDownload(download, a)
	case errors.As(err, &dest) && a == inApp:
		// Short, advice included: it shows on the window's one status line.
		return fmt.Sprintf("Nothing was sent: the download folder “%s” cannot be used (%s). Choose another download folder in Settings.",
			filepath.Base(dest.Dir), dest.Reason)
	case errors.As(err, &dest):
		return fmt.Sprintf("Singlecam cannot save outputs in %s: %s. Choose another folder with --out. Nothing was sent.", dest.Dir, dest.Reason)
	case errors.As(err, &endpoint):
		return sentence(endpoint.Reason)
	case errors.As(err, &busy):
		return busy.Error() + "."
	case errors.Is(err, ErrStopped):
		return "Nothing was sent: Singlecam was closing. Open it again and press Start."
	case errors.Is(err, secrets.ErrNoKey):
		return a.pick("Singlecam has no Move API key yet. Paste yours in Settings (or set MOVE_API_KEY), or try the demo.",
			"Singlecam has no Move API key yet. Set MOVE_API_KEY, or save your key in the app (run singlecam without a command).")
	case errors.Is(err, secrets.ErrNoKeyring):
		return a.pick("This computer has no keyring to keep the API key in. Set MOVE_API_KEY, or keep the key for this session only.",
			"This computer has no keyring to keep the API key in. Set MOVE_API_KEY.")
	case errors.Is(err, secrets.ErrKeyringLocked):
		return "The system keyring is locked. Unlock it (log in to your desktop, or open your keyring app) and try again, or set MOVE_API_KEY."
	case errors.Is(err, secrets.ErrKeyringRefused):
		return fmt.Sprintf("The system keyring refused Singlecam (%s). Allow Singlecam in your keyring's settings and try again, or set MOVE_API_KEY.",
			keyringCause(err))
	case errors.Is(err, ugc.ErrKeyFormat):
		return "That does not look like a whole Move API key (keys are at least 12 characters). Copy it again from your Move account."
	case errors.Is(err, ugc.ErrUnauthorized):
		return keyRefused(a)
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
		// Only uploads get here (downloads are DownloadErrors): no job yet.
		return "The file storage refused the upload. Try again; if it keeps happening, submit the video again."
	case errors.Is(err, submit.ErrSentAgain):
		return "This take was already sent again: its new job is in the list. Wait for it before sending the take once more."
	case errors.Is(err, submit.ErrTooLateToCancel):
		return "This take was already sent to Move, so it can no longer be cancelled: it appears as a job in a moment."
	case errors.Is(err, context.Canceled):
		return "Stopped."
	}
	return a.pick("Something went wrong: "+err.Error(), sentence(err.Error()))
}

// keyRefused is what to do about a key Move refused.
func keyRefused(a audience) string {
	return a.pick("Move refused the API key. Check it in Settings, or make a new one in your Move account.",
		"Move refused the API key. Set MOVE_API_KEY to a valid key (or save one in the app), or make a new one in your Move account.")
}

// explainDownload explains a failure to save a job that exists. Whatever
// the cause, the job is safe and the advice is to download it again. The
// app's words are short (they show in the job's row, which names the job);
// the terminal's name the job and the command.
func explainDownload(d *DownloadError, a audience) string {
	cmd := DownloadCommand(d.JobID, d.Dir)
	var status *transfer.StatusError
	var dest *outputs.DestinationError
	switch err := d.Err; {
	case errors.Is(err, ugc.ErrUnauthorized):
		return a.pick("Move refused the API key: check it in Settings. Your jobs are safe: they are followed again once the key works.",
			keyRefused(a)+" Job "+d.JobID+" is safe; to save its files afterwards, run: "+cmd+".")
	case errors.Is(err, syscall.ENOSPC):
		return a.pick("The disk is full: free some space, then use Download (what was downloaded so far is kept).",
			"The disk is full. Free some space, then run: "+cmd+" (what was downloaded so far is kept).")
	case errors.As(err, &dest):
		return a.pick(fmt.Sprintf("The download folder \u201c%s\u201d cannot be used (%s): choose another in Settings, then use Download.",
			filepath.Base(dest.Dir), dest.Reason),
			fmt.Sprintf("Singlecam cannot save outputs in %s: %s. Job %s is safe: choose another folder and run: %s.",
				dest.Dir, dest.Reason, d.JobID, DownloadCommand(d.JobID, "FOLDER")))
	case errors.Is(err, watch.ErrNotPublished):
		return a.pick("Move finished, but has not published the files yet: use Download later.",
			"Move finished job "+d.JobID+" but has not published its files yet. Try later: "+cmd)
	case errors.Is(err, outputs.ErrNotReady):
		return a.pick("The files are not ready yet: use Download later.",
			"The files of job "+d.JobID+" are not ready yet. Try later: "+cmd)
	case errors.Is(err, outputs.ErrJobFailed), errors.Is(err, ugc.ErrNotFound):
		return explain(err, a)
	case errors.Is(err, ugc.ErrUnavailable), errors.Is(err, transfer.ErrUnavailable):
		return a.pick("Move cannot be reached right now: use Download when the network is back.",
			"Move cannot be reached right now (no network, or the service is busy). Job "+d.JobID+" is safe: when the network is back, run: "+cmd)
	case errors.As(err, &status):
		return a.pick("The file storage no longer gives this file (its link may have expired): use Retry download, which asks Move for a fresh link.",
			fmt.Sprintf("The file storage refused a download of job %s (%s). The job is safe: run: %s", d.JobID, status, cmd))
	case errors.Is(err, context.Canceled):
		return a.pick("Stopped: use Download to save the rest.", "Stopped. To save the rest of job "+d.JobID+" later, run: "+cmd)
	}
	return a.pick(fmt.Sprintf("The files could not be saved (%v): use Retry download.", d.Err),
		fmt.Sprintf("The files of job %s could not be saved (%v). The job is safe: run: %s", d.JobID, d.Err, cmd))
}

// DownloadCommand is the command that saves a job's outputs into dir.
func DownloadCommand(jobID, dir string) string {
	if dir == "" || dir == "." {
		return "singlecam download " + jobID
	}
	if strings.ContainsAny(dir, " '\"\\$`") {
		dir = "'" + strings.ReplaceAll(dir, "'", `'\''`) + "'"
	}
	return "singlecam download --out " + dir + " " + jobID
}

// keyringCause is the keyring's own words, from an error that wraps one of
// the secrets' sentinels as "sentinel (cause)".
func keyringCause(err error) string {
	msg := err.Error()
	if i := strings.Index(msg, " ("); i >= 0 && strings.HasSuffix(msg, ")") {
		return msg[i+2 : len(msg)-1]
	}
	return msg
}

// sentence makes an error's text a sentence: a capital first, a full stop.
func sentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	s = strings.ToUpper(s[:1]) + s[1:]
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}
