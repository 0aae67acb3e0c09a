package transfer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"time"
)

// progressInterval is how often progress is reported: about ten times a
// second, enough for a smooth bar without flooding the UI.
const progressInterval = 100 * time.Millisecond

// Upload streams the file at path to a presigned URL in one PUT with an
// exact Content-Length and no Content-Type, as Move's service expects, and
// returns the ETag the storage answered with. Memory use does not depend on
// the file's size. Transient failures are retried from the start (a presigned
// PUT cannot resume); an expired URL is replaced through url.
func (c *Client) Upload(ctx context.Context, path string, url URLSource, progress Progress) (etag string, err error) {
	progress = Throttle(progress, progressInterval)
	f, err := os.Open(path)
	if err != nil {
		return "", fmt.Errorf("open %s: %w", path, err)
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil {
		return "", fmt.Errorf("read %s: %w", path, err)
	}
	size := info.Size()

	// A presigned PUT cannot resume: no attempt carries progress over.
	err = c.withRetries(ctx, url, func(ctx context.Context, target string) (outcome, bool, error) {
		// A reader of its own per attempt (ReadAt, no shared offset): the
		// transport may still be reading an earlier attempt's body after
		// its answer came, and a shared file offset left the next attempt
		// an empty body.
		progress(0, size)
		resp, err := c.putOnce(ctx, target, io.NewSectionReader(f, 0, size), size, progress)
		if err != nil {
			return retryable, false, err
		}
		defer drainAndClose(resp)
		out := outcomeOf(resp)
		if out != succeeded {
			return out, false, statusError(resp)
		}
		etag = resp.Header.Get("ETag")
		return succeeded, false, nil
	})
	return etag, err
}

// putOnce sends one PUT under the stall watchdog.
func (c *Client) putOnce(ctx context.Context, target string, body io.Reader, size int64, progress Progress) (*http.Response, error) {
	attemptCtx, alive, stop := watchStall(ctx, c.stall)
	defer stop()
	reader := &countingReader{r: body, total: size, progress: progress, alive: alive}
	req, err := http.NewRequestWithContext(attemptCtx, http.MethodPut, target, io.NopCloser(reader))
	if err != nil {
		return nil, err
	}
	req.ContentLength = size
	if size == 0 {
		req.Body = http.NoBody
	}
	resp, err := c.http.Do(req)
	if err != nil && errors.Is(context.Cause(attemptCtx), errStalled) {
		return nil, errStalled
	}
	return resp, err
}

// drainAndClose lets the connection be reused.
func drainAndClose(resp *http.Response) {
	_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
}
