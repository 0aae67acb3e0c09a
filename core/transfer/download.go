package transfer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"singlecam/core/safefile"
)

// PartSuffix marks a download in progress: the final name only ever holds a
// complete file.
const PartSuffix = ".part"

// ErrExists: the destination already exists; downloads never overwrite.
var ErrExists = errors.New("a file with that name already exists")

// Download fetches a presigned URL into dest through dest+".part", and returns
// the file's size. A .part left by an earlier attempt, or an earlier run of
// the app, is resumed with a Range request. The length is checked against
// what the server announced, the data is flushed to disk, and only then does
// the file take its final name. A failure to write (a full disk) is final;
// the .part stays for a later resume.
func (c *Client) Download(ctx context.Context, url URLSource, dest string, progress Progress) (int64, error) {
	progress = Throttle(progress, progressInterval)
	if _, err := os.Lstat(dest); err == nil {
		return 0, fmt.Errorf("%s: %w", dest, ErrExists)
	}
	part := dest + PartSuffix
	var size int64
	err := c.withRetries(ctx, url, func(ctx context.Context, target string) (outcome, bool, error) {
		before := sizeOf(part)
		n, out, err := c.getOnce(ctx, target, part, progress)
		size = n
		return out, n > before, err
	})
	if err != nil {
		return 0, err
	}
	if err := publish(part, dest); err != nil {
		return 0, err
	}
	return size, nil
}

// getOnce makes one GET, appending to the .part when the server honours the
// Range, starting it over when it does not.
func (c *Client) getOnce(ctx context.Context, target, part string, progress Progress) (int64, outcome, error) {
	have := sizeOf(part)
	attemptCtx, alive, stop := watchStall(ctx, c.stall)
	defer stop()
	req, err := http.NewRequestWithContext(attemptCtx, http.MethodGet, target, nil)
	if err != nil {
		return have, final, err
	}
	if have > 0 {
		req.Header.Set("Range", "bytes="+strconv.FormatInt(have, 10)+"-")
	}
	resp, err := c.http.Do(req)
	if err != nil {
		return have, retryable, stallOr(attemptCtx, err)
	}
	defer drainAndClose(resp)

	flags := os.O_CREATE | os.O_WRONLY
	var total int64
	switch resp.StatusCode {
	case http.StatusOK: // the whole file, from the start
		have, total = 0, resp.ContentLength
		flags |= os.O_TRUNC
	case http.StatusPartialContent:
		start, whole, ok := parseContentRange(resp.Header.Get("Content-Range"))
		if !ok || start != have {
			os.Remove(part)
			return 0, retryable, fmt.Errorf("%w: the server sent an unexpected range %q", ErrIncomplete, resp.Header.Get("Content-Range"))
		}
		total = whole
		flags |= os.O_APPEND
	case http.StatusRequestedRangeNotSatisfiable: // the .part may be whole already
		if _, whole, ok := parseContentRange(resp.Header.Get("Content-Range")); ok && whole == have {
			return have, succeeded, nil
		}
		os.Remove(part)
		return 0, retryable, fmt.Errorf("%w: the partial file did not match the server's", ErrIncomplete)
	default:
		return have, outcomeOf(resp), statusError(resp)
	}

	f, err := os.OpenFile(part, flags, 0o644)
	if err != nil {
		return have, final, fmt.Errorf("write %s: %w", part, err)
	}
	sink := &recordingWriter{w: f}
	reader := &countingReader{r: resp.Body, done: have, total: total, progress: progress, alive: alive}
	progress(have, total)
	n, copyErr := io.CopyBuffer(sink, reader, make([]byte, 256<<10))
	have += n
	syncErr := f.Sync()
	closeErr := f.Close()
	switch {
	case sink.err != nil:
		return have, final, fmt.Errorf("write %s: %w", part, sink.err)
	case syncErr != nil || closeErr != nil:
		return have, final, fmt.Errorf("write %s: %w", part, errors.Join(syncErr, closeErr))
	case copyErr != nil:
		return have, retryable, stallOr(attemptCtx, copyErr)
	case total >= 0 && have != total:
		return have, retryable, fmt.Errorf("%w: %d of %d bytes", ErrIncomplete, have, total)
	}
	return have, succeeded, nil
}

// recordingWriter remembers a write error, so a full disk is told apart from
// a dropped connection.
type recordingWriter struct {
	w   io.Writer
	err error
}

func (r *recordingWriter) Write(p []byte) (int, error) {
	n, err := r.w.Write(p)
	if err != nil {
		r.err = err
	}
	return n, err
}

func stallOr(ctx context.Context, err error) error {
	if errors.Is(context.Cause(ctx), errStalled) {
		return errStalled
	}
	return err
}

func sizeOf(path string) int64 {
	info, err := os.Stat(path)
	if err != nil {
		return 0
	}
	return info.Size()
}

// parseContentRange reads "bytes START-END/TOTAL" or "bytes */TOTAL".
func parseContentRange(h string) (start, total int64, ok bool) {
	spec, found := strings.CutPrefix(h, "bytes ")
	rng, size, found2 := strings.Cut(spec, "/")
	if !found || !found2 {
		return 0, 0, false
	}
	total, err := strconv.ParseInt(size, 10, 64)
	if err != nil || total < 0 {
		return 0, 0, false
	}
	if rng == "*" {
		return 0, total, true
	}
	first, _, found3 := strings.Cut(rng, "-")
	start, err = strconv.ParseInt(first, 10, 64)
	if !found3 || err != nil || start < 0 {
		return 0, 0, false
	}
	return start, total, true
}

// publish gives the finished .part its final name without ever replacing a
// file that appeared there meanwhile (see safefile.Publish).
func publish(part, dest string) error {
	if err := safefile.Publish(part, dest); err != nil {
		if errors.Is(err, safefile.ErrExists) {
			return fmt.Errorf("%s: %w", dest, ErrExists)
		}
		return err
	}
	return nil
}

// RemoteSize asks how large the file behind a download URL is, with a
// one-byte ranged GET (presigned URLs sign the method, so HEAD would need a
// URL of its own). An upload URL, or one whose file is not there, gives an
// error.
func (c *Client) RemoteSize(ctx context.Context, url string) (int64, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return 0, err
	}
	req.Header.Set("Range", "bytes=0-0")
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, err
	}
	defer drainAndClose(resp)
	switch resp.StatusCode {
	case http.StatusOK:
		return resp.ContentLength, nil
	case http.StatusPartialContent:
		if _, total, ok := parseContentRange(resp.Header.Get("Content-Range")); ok {
			return total, nil
		}
	}
	return 0, fmt.Errorf("%w: %w", ErrRefused, statusError(resp))
}
