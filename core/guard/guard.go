// Package guard keeps a damaged or crafted file from closing Singlecam: the
// functions that read files from outside turn a panic into an error (the
// usual one line a front end shows), stop reading when their context is
// cancelled, and anything that still escapes is written to a crash report
// that the next start tells the user about.
package guard

import (
	"context"
	"errors"
	"fmt"
	"io"
	"runtime/debug"
)

// ErrInternal is wrapped by every panic Recover turned into an error: a
// fault in Singlecam that a file set off, not a refusal of the file.
var ErrInternal = errors.New("a fault in Singlecam")

// PanicError is a panic caught while reading a file.
type PanicError struct {
	What  string // what was being done: "read walk.glb"
	Value any    // what panicked
	Stack []byte // where, for a report
}

func (e *PanicError) Error() string {
	return fmt.Sprintf("%s: the file set off %v (%v); it may be damaged", e.What, ErrInternal, e.Value)
}

// Unwrap makes errors.Is(err, ErrInternal) hold.
func (e *PanicError) Unwrap() error { return ErrInternal }

// Recover, deferred by a function that reads outside input, turns a panic
// into a *PanicError in *errp (what says what was being done). A function
// that returns values besides the error should return zero values with it:
// its results are whatever they were when the panic struck.
func Recover(errp *error, what string) {
	if v := recover(); v != nil {
		*errp = &PanicError{What: what, Value: v, Stack: debug.Stack()}
	}
}

// Reader is r that stops reading once ctx is done, so a long parse of a
// dropped file ends soon after the user cancels it: each read first checks
// ctx. It implements io.Reader, io.ReaderAt and io.Seeker when r does.
func Reader(ctx context.Context, r io.Reader) *CtxReader {
	return &CtxReader{ctx: ctx, r: r}
}

// CtxReader is what Reader returns.
type CtxReader struct {
	ctx context.Context
	r   io.Reader
}

func (c *CtxReader) Read(p []byte) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	return c.r.Read(p)
}

// ReadAt reads from the underlying io.ReaderAt.
func (c *CtxReader) ReadAt(p []byte, off int64) (int, error) {
	if err := c.ctx.Err(); err != nil {
		return 0, err
	}
	ra, ok := c.r.(io.ReaderAt)
	if !ok {
		return 0, errors.New("guard: the reader cannot read at an offset")
	}
	return ra.ReadAt(p, off)
}

// Seek seeks the underlying io.Seeker.
func (c *CtxReader) Seek(off int64, whence int) (int64, error) {
	s, ok := c.r.(io.Seeker)
	if !ok {
		return 0, errors.New("guard: the reader cannot seek")
	}
	return s.Seek(off, whence)
}
