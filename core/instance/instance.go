// Package instance keeps Singlecam to one running copy per user. The first
// launch listens on a local socket in the user's data folder; a later launch
// (a file opened from the file manager while the app runs) connects, hands
// over the files it was given and exits, and the running copy adds them to
// its window.
//
// The socket is a Unix domain socket on every system (Windows has had them
// since Windows 10 1803), so one code path serves all three; the data folder
// is private to the user, which keeps other users out.
package instance

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"path/filepath"
	"slices"
	"sync"
	"time"

	"singlecam/core/paths"
)

// SocketName is the socket's file name inside the data folder.
const SocketName = "singlecam.sock"

// handoverTimeout bounds each side of a handover: a running copy that does
// not answer in this time is treated as gone.
const handoverTimeout = 5 * time.Second

// maxRequest bounds what a connection may send: a file manager hands over
// at most a few thousand paths.
const maxRequest = 1 << 20

// ErrHandedOver: another copy is running and took the files; this process
// should exit.
var ErrHandedOver = errors.New("handed over to the running copy")

// errClosing: the running copy is closing and took nothing; it stopped
// listening before it said so, and this launch runs on its own.
var errClosing = errors.New("the running copy is closing")

// request is what a later launch sends, as one JSON line.
type request struct {
	Files []string `json:"files"`
}

// Server is the first launch's end of the socket.
type Server struct {
	ln      net.Listener
	once    sync.Once
	closing chan struct{}
}

// ClaimForUser is Claim in the user's data folder (see core/paths).
func ClaimForUser(ctx context.Context, files []string) (*Server, error) {
	dir, err := paths.DataDir()
	if err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	return Claim(ctx, dir, files)
}

// Claim makes this process the user's one running copy, listening in dir,
// or hands files (made absolute first: the running copy has another working
// folder) to the copy already running and returns ErrHandedOver. Any other
// error means this process could not tell; it may run on its own.
func Claim(ctx context.Context, dir string, files []string) (*Server, error) {
	abs := make([]string, 0, len(files))
	for _, f := range files {
		a, err := filepath.Abs(f)
		if err != nil {
			return nil, fmt.Errorf("path %s: %w", f, err)
		}
		abs = append(abs, a)
	}
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("data folder: %w", err)
	}
	path := filepath.Join(dir, SocketName)
	// A copy that is closing (errClosing) removed its socket before it
	// answered, so this launch listens in its place as after a crash.
	if err := handOver(ctx, path, abs); err == nil {
		return nil, ErrHandedOver
	}
	ln, err := net.Listen("unix", path)
	if err != nil {
		// Either a copy started between our try and now, or a copy that
		// crashed left its socket behind. Ask once more, then clear it.
		if handOver(ctx, path, abs) == nil {
			return nil, ErrHandedOver
		}
		if rmErr := os.Remove(path); rmErr != nil && !errors.Is(rmErr, os.ErrNotExist) {
			return nil, fmt.Errorf("listen %s: %w", path, err)
		}
		if ln, err = net.Listen("unix", path); err != nil {
			return nil, fmt.Errorf("listen %s: %w", path, err)
		}
	}
	return &Server{ln: ln, closing: make(chan struct{})}, nil
}

// handOver sends files to the copy listening at path and waits for its
// answer.
func handOver(ctx context.Context, path string, files []string) error {
	d := net.Dialer{Timeout: handoverTimeout}
	conn, err := d.DialContext(ctx, "unix", path)
	if err != nil {
		return err
	}
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(handoverTimeout))
	if err := json.NewEncoder(conn).Encode(request{Files: files}); err != nil {
		return fmt.Errorf("send: %w", err)
	}
	answer, err := bufio.NewReader(conn).ReadString('\n')
	if err != nil {
		return fmt.Errorf("answer: %w", err)
	}
	if answer == answerClosing {
		return errClosing
	}
	if answer != answerOK {
		return fmt.Errorf("answer: %q", answer)
	}
	return nil
}

// The running copy's answers to a later launch.
const (
	answerOK      = "ok\n"      // it took the files
	answerClosing = "closing\n" // it is closing: the launch runs on its own
)

// Serve calls open with the files of each later launch (possibly none: a
// plain second start, which should bring the window forward) until Close.
// open runs on Serve's goroutine and says whether it took them: false
// once the app is closing, when Serve stops listening and tells the later
// launch to run on its own, so its files are not handed to a window that
// is going away. A nil Server (a copy that could not claim the socket and
// runs on its own) serves nothing.
func (s *Server) Serve(open func(files []string) bool) {
	if s == nil {
		return
	}
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			select {
			case <-s.closing:
				return
			default:
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				continue
			}
			return
		}
		if !s.serveOne(conn, open) {
			return
		}
	}
}

// serveOne reads one request from conn, hands its files to open and
// answers; it reports false when open refused them (the app is closing),
// after it stopped listening.
func (s *Server) serveOne(conn net.Conn, open func(files []string) bool) bool {
	defer conn.Close()
	conn.SetDeadline(time.Now().Add(handoverTimeout))
	files, err := decodeRequest(conn)
	if err != nil {
		return true
	}
	if !open(files) {
		s.Close() // before the answer: the launch then finds no socket
		io.WriteString(conn, answerClosing)
		return false
	}
	io.WriteString(conn, answerOK) // a launch that left meanwhile loses nothing
	return true
}

// decodeRequest reads one request line: absolute paths only, empty ones
// and repeats dropped.
func decodeRequest(r io.Reader) ([]string, error) {
	line, err := bufio.NewReader(io.LimitReader(r, maxRequest)).ReadBytes('\n')
	if err != nil {
		return nil, fmt.Errorf("read request: %w", err)
	}
	var req request
	if err := json.Unmarshal(line, &req); err != nil {
		return nil, fmt.Errorf("read request: %w", err)
	}
	var files []string
	for _, f := range req.Files {
		if f == "" || !filepath.IsAbs(f) {
			return nil, fmt.Errorf("read request: %q is not an absolute path", f)
		}
		if !slices.Contains(files, f) {
			files = append(files, f)
		}
	}
	return files, nil
}

// Close stops listening and removes the socket; closing a nil Server does
// nothing.
func (s *Server) Close() error {
	if s == nil {
		return nil
	}
	var err error
	s.once.Do(func() {
		close(s.closing)
		err = s.ln.Close()
	})
	return err
}
