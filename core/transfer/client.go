package transfer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"time"

	"singlecam/core/backoff"
)

// Errors a caller may act on; each is wrapped with the details.
var (
	// ErrRefused: the storage service refused the transfer for good (a 4xx
	// other than an expired URL), or a fresh URL was refused too.
	ErrRefused = errors.New("the storage service refused the transfer")
	// ErrUnavailable: the network or the storage service kept failing.
	ErrUnavailable = errors.New("the network or the storage service is unavailable")
	// ErrIncomplete: fewer bytes arrived than the server announced.
	ErrIncomplete = errors.New("the transfer ended early")
)

// URLSource gives the presigned URL to use. It is called with fresh false
// first; after the URL has expired (HTTP 403) it is called with fresh true
// and must fetch a new one (getFile or getJob).
type URLSource func(ctx context.Context, fresh bool) (string, error)

// FixedURL is a URLSource for a URL that cannot be renewed.
func FixedURL(url string) URLSource {
	return func(ctx context.Context, fresh bool) (string, error) {
		if fresh {
			return "", fmt.Errorf("%w: the URL expired and cannot be renewed", ErrRefused)
		}
		return url, nil
	}
}

// Client transfers files. The zero value is not usable: use New.
type Client struct {
	http  *http.Client
	retry backoff.Policy
	// stall ends an attempt when no byte moved for this long.
	stall time.Duration
}

// Config tunes a Client; zero fields take the defaults.
type Config struct {
	Retry        backoff.Policy // default: 6 tries, waits up to 30 s
	StallTimeout time.Duration  // default: 60 s without a byte moving
	Transport    http.RoundTripper
}

// New returns a transfer client.
func New(cfg Config) *Client {
	if cfg.Retry == (backoff.Policy{}) {
		cfg.Retry = backoff.Policy{Attempts: 6, BaseDelay: time.Second, MaxDelay: 30 * time.Second}
	}
	cfg.Retry.Attempts = max(cfg.Retry.Attempts, 1)
	if cfg.StallTimeout <= 0 {
		cfg.StallTimeout = 60 * time.Second
	}
	if cfg.Transport == nil {
		cfg.Transport = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			DialContext:           (&net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
			TLSHandshakeTimeout:   30 * time.Second,
			ResponseHeaderTimeout: 5 * time.Minute, // the storage may take a while to confirm a big PUT
			MaxIdleConnsPerHost:   4,
			WriteBufferSize:       256 << 10,
			ReadBufferSize:        256 << 10,
		}
	}
	// No overall timeout: a 4 GB upload takes as long as it takes; the stall
	// watchdog catches a dead connection instead.
	return &Client{http: &http.Client{Transport: cfg.Transport}, retry: cfg.Retry, stall: cfg.StallTimeout}
}

// outcome sorts one attempt's result.
type outcome int

const (
	succeeded outcome = iota
	retryable         // try again after a wait
	expired           // get a fresh URL, then try again
	final             // give up
)

// outcomeOf sorts an attempt's HTTP response.
func outcomeOf(resp *http.Response) outcome {
	switch {
	case resp.StatusCode >= 200 && resp.StatusCode < 300:
		return succeeded
	case resp.StatusCode == http.StatusForbidden:
		return expired
	case resp.StatusCode == http.StatusRequestTimeout || resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode >= 500:
		return retryable
	}
	return final
}

// attemptFunc makes one attempt at a transfer against a URL. progressed
// says whether it moved bytes that the next attempt keeps (a resumed
// download): such an attempt does not count towards giving up.
type attemptFunc func(ctx context.Context, url string) (out outcome, progressed bool, err error)

// withRetries runs attempts until one succeeds: it waits out the backoff
// after a transient failure, fetches a fresh URL after an expired one (once
// in a row: a fresh URL refused too is final), and gives up after the
// policy's attempts in a row without progress, or when ctx ends.
func (c *Client) withRetries(ctx context.Context, url URLSource, attempt attemptFunc) error {
	target, err := url(ctx, false)
	if err != nil {
		return err
	}
	renewed := false
	for failures := 0; ; {
		out, progressed, err := attempt(ctx, target)
		if ctxErr := ctx.Err(); ctxErr != nil {
			return ctxErr
		}
		switch out {
		case succeeded:
			return nil
		case final:
			return fmt.Errorf("%w: %w", ErrRefused, err)
		case expired:
			if renewed {
				return fmt.Errorf("%w: a fresh URL was refused too: %w", ErrRefused, err)
			}
			if target, err = url(ctx, true); err != nil {
				return err
			}
			renewed = true
		case retryable:
			renewed = false
			if progressed {
				failures = 0
			}
			if failures++; failures >= c.retry.Attempts {
				return fmt.Errorf("%w: %w", ErrUnavailable, err)
			}
			if err := backoff.Sleep(ctx, c.retry.Delay(failures)); err != nil {
				return err
			}
		}
	}
}

// maxErrorBody bounds how much of a refusal's body is read for its code.
const maxErrorBody = 4 << 10

// StatusError is the storage service's answer to a failed transfer: its
// HTTP status and, when it gave one, its S3-style code ("NoSuchKey").
type StatusError struct {
	Status int
	Code   string
}

func (e *StatusError) Error() string {
	msg := fmt.Sprintf("HTTP %d %s", e.Status, http.StatusText(e.Status))
	if e.Code != "" {
		msg += " (" + e.Code + ")"
	}
	return msg
}

// statusError describes a refusal with the storage service's own code,
// reading no more than the first few kB of its body.
func statusError(resp *http.Response) error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, maxErrorBody))
	return &StatusError{Status: resp.StatusCode, Code: s3Code(body)}
}

// s3Code picks the <Code> out of an S3-style XML error body.
func s3Code(body []byte) string {
	_, rest, ok := strings.Cut(string(body), "<Code>")
	code, _, closed := strings.Cut(rest, "</Code>")
	if !ok || !closed {
		return ""
	}
	return code
}
