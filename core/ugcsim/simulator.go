// Package ugcsim is a working simulator of Move AI's UGC GraphQL API, built
// from the same schema file as the real service (core/contract) and behaving
// as core/contract/API.md describes: AppSync-style auth and errors,
// presigned upload and download URLs that expire, jobs that progress over
// simulated time, and faults that tests can switch on. The tests of every
// network flow run against it, and the app's demo mode is built on it.
//
// It deliberately does not import core/ugc: the client and the simulator are
// two independent readings of one contract, so a misunderstanding in one is
// caught by the other instead of being shared.
package ugcsim

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"net"
	"net/http"
	"os"
	"sync"
	"sync/atomic"
	"time"

	"github.com/graph-gophers/graphql-go"

	"singlecam/core/contract"
)

// Timing is how long each phase of a job takes at speed 1.
type Timing struct {
	Queue      time.Duration // NOT STARTED, before processing begins
	Processing time.Duration // RUNNING, percentageComplete rising 0 → 100
	OutputURLs time.Duration // FINISHED with outputs whose URLs are still null
}

// DemoTiming makes a job take about half a minute, long enough to watch it.
var DemoTiming = Timing{Queue: 3 * time.Second, Processing: 25 * time.Second, OutputURLs: 4 * time.Second}

// Config sets up a Simulator. The zero value is a usable demo.
type Config struct {
	// Key is the API key the simulator accepts; empty makes a random one.
	Key string
	// ClientName is the account name that the `client` query reports.
	ClientName string
	// Timing is each job phase's length at speed 1; zero means DemoTiming.
	Timing Timing
	// Speed divides every Timing duration: 10 runs jobs ten times faster.
	// Zero means 1.
	Speed float64
	// URLLifetime is how long a presigned URL stays valid; zero means 15 minutes.
	URLLifetime time.Duration
	// DataDir holds uploaded and generated files. Empty makes a temporary
	// folder that Close removes.
	DataDir string
	// Keep keeps the account (its files, takes and jobs) in DataDir between
	// runs, as the real service does: the app's demo mode uses it. Needs
	// DataDir.
	Keep bool
	// Now is the simulator's clock; nil means time.Now. Tests pass their own.
	Now func() time.Time
}

// Simulator is an in-memory Move UGC service for one account.
type Simulator struct {
	cfg      Config
	key      string
	secret   []byte // signs presigned URLs
	ownDir   bool
	store    *store
	schema   *graphql.Schema
	faults   Faults
	requests atomic.Int64
	saveMu   sync.Mutex // one save of a kept account at a time
}

// MinKeyLength is the shortest key a Move client sends (the official SDK
// refuses shorter ones before sending): a key the simulator accepts must be
// one a client would send.
const MinKeyLength = 12

// GraphQLPath is where the simulator serves GraphQL requests.
const GraphQLPath = "/graphql"

// New builds a simulator from cfg.
func New(cfg Config) (*Simulator, error) {
	if cfg.Timing == (Timing{}) {
		cfg.Timing = DemoTiming
	}
	if cfg.Speed <= 0 {
		cfg.Speed = 1
	}
	if cfg.URLLifetime <= 0 {
		cfg.URLLifetime = 15 * time.Minute
	}
	if cfg.Now == nil {
		cfg.Now = time.Now
	}
	if cfg.ClientName == "" {
		cfg.ClientName = "Singlecam Demo Studio"
	}
	if cfg.Key != "" && len(cfg.Key) < MinKeyLength {
		return nil, fmt.Errorf("the simulator's key must be at least %d characters, as a Move key is", MinKeyLength)
	}
	s := &Simulator{cfg: cfg, key: cfg.Key, secret: randomBytes(32)}
	if s.key == "" {
		s.key = "sim-" + hex.EncodeToString(randomBytes(16))
	}
	if cfg.DataDir == "" {
		dir, err := os.MkdirTemp("", "singlecam-sim-")
		if err != nil {
			return nil, fmt.Errorf("simulator data folder: %w", err)
		}
		s.cfg.DataDir, s.ownDir = dir, true
	} else if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, fmt.Errorf("simulator data folder: %w", err)
	}
	s.store = newStore(s.cfg.DataDir, cfg.ClientName, cfg.Now())
	schema, err := graphql.ParseSchema(contract.Schema, &resolver{s},
		graphql.UseFieldResolvers(), graphql.MaxDepth(20))
	if err != nil {
		return nil, fmt.Errorf("simulator schema: %w", err)
	}
	s.schema = schema
	if cfg.Keep && !s.ownDir {
		if err := s.load(); err != nil {
			return nil, err
		}
	}
	return s, nil
}

// Key is the API key the simulator accepts.
func (s *Simulator) Key() string { return s.key }

// Faults are the simulator's switchable failures.
func (s *Simulator) Faults() *Faults { return &s.faults }

// GraphQLRequests counts the GraphQL requests received so far, faulted and
// refused ones included: a measure of how chatty a client is.
func (s *Simulator) GraphQLRequests() int64 { return s.requests.Load() }

// Handler serves the GraphQL endpoint at GraphQLPath and the presigned
// upload and download URLs. URLs it hands out point back at the host each
// request was addressed to.
func (s *Simulator) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(GraphQLPath, s.serveGraphQL)
	mux.HandleFunc(blobPrefix, s.serveBlob)
	if s.cfg.Keep && !s.ownDir {
		return s.keeping(mux)
	}
	return mux
}

// Close removes the simulator's temporary data folder, if it made one.
func (s *Simulator) Close() error {
	if s.ownDir {
		return os.RemoveAll(s.cfg.DataDir)
	}
	return nil
}

// Server is a simulator listening on a TCP address.
type Server struct {
	Endpoint string // the GraphQL URL to give a client
	http     *http.Server
	done     chan error
}

// Listen serves the simulator on addr (for example 127.0.0.1:0) until
// Shutdown is called.
func (s *Simulator) Listen(addr string) (*Server, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, fmt.Errorf("simulator listen on %s: %w", addr, err)
	}
	srv := &Server{
		Endpoint: "http://" + ln.Addr().String() + GraphQLPath,
		http:     &http.Server{Handler: s.Handler(), ReadHeaderTimeout: 10 * time.Second},
		done:     make(chan error, 1),
	}
	go func() { srv.done <- srv.http.Serve(ln) }()
	return srv, nil
}

// Shutdown stops the server, letting requests in flight finish until ctx ends.
func (srv *Server) Shutdown(ctx context.Context) error {
	err := srv.http.Shutdown(ctx)
	if serveErr := <-srv.done; !errors.Is(serveErr, http.ErrServerClosed) && err == nil {
		err = serveErr
	}
	return err
}

func (s *Simulator) now() time.Time { return s.cfg.Now() }

// scaled turns a phase length at speed 1 into simulated wall time.
func (s *Simulator) scaled(d time.Duration) time.Duration {
	return time.Duration(float64(d) / s.cfg.Speed)
}

func randomBytes(n int) []byte {
	b := make([]byte, n)
	_, _ = rand.Read(b) // crypto/rand.Read never fails on supported platforms
	return b
}
