package cli

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/signal"
	"syscall"
	"time"

	"singlecam/core/ugcsim"
)

// runSimulate serves the Move API simulator until interrupted.
func runSimulate(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveSimulator(ctx, args, stdout, stderr)
}

// serveSimulator serves the simulator until ctx ends.
func serveSimulator(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("simulate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	addr := fs.String("addr", "127.0.0.1:8765", "the `ADDRESS` to listen on")
	key := fs.String("key", "", "the API `KEY` to accept (default: a new random key)")
	speed := fs.Float64("speed", 1, "how many `TIMES` faster than the demo pace jobs run (10 = ten times faster)")
	lifetime := fs.Duration("url-lifetime", 15*time.Minute, "how long presigned URLs stay valid, a `DURATION` (15m)")
	dataDir := fs.String("data", "", "the `FOLDER` for uploaded and generated files (default: a temporary folder)")
	failCalls := fs.Int("fail-calls", 0, "answer the next `N` GraphQL calls with HTTP 500")
	throttle := fs.Int("throttle", 0, "answer the next `N` GraphQL calls with HTTP 429")
	failTransfers := fs.Int("fail-transfers", 0, "answer the next `N` uploads or downloads with HTTP 503")
	latency := fs.Duration("latency", 0, "delay every request by this `DURATION` (200ms)")
	cutUpload := fs.Int64("cut-upload", -1, "drop the next upload's connection after this many `BYTES`")
	cutDownload := fs.Int64("cut-download", -1, "drop the next download's connection after this many `BYTES`")
	expireURLs := fs.Bool("expire-urls", false, "hand out presigned URLs that have already expired")
	failJobs := fs.Int("fail-jobs", 0, "make the next `N` jobs fail halfway")
	retryAfter := fs.String("retry-after", "1", "the Retry-After of --throttle's answers: `SECONDS` or an HTTP date")
	errorPages := fs.Int("error-pages", 0, "answer the next `N` GraphQL calls with HTTP 502 and a big HTML page")
	errorPageSize := fs.Int64("error-page-size", 400<<20, "the size of --error-pages' page, in `BYTES`")
	missingFiles := fs.Int("missing-files", 0, "answer the next `N` downloads with HTTP 404 NoSuchKey")
	withholdURLs := fs.Bool("withhold-urls", false, "never publish finished jobs' output URLs")
	nullProgress := fs.Bool("null-progress", false, "report running jobs' percentageComplete as null")
	revokeAfter := fs.Duration("revoke-key-after", 0, "refuse the key (HTTP 401) from this `DURATION` after start, as if revoked")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "Usage: singlecam simulate [flags]\n\n"+
			"Runs a simulator of Move AI's UGC API on this machine, for demos and for trying\n"+
			"clients without an account. It prints the endpoint and the API key it accepts.\n\nFlags:\n")
		printFlags(stderr, fs)
	}
	if code, ok := parseFlags(fs, args); !ok {
		return code
	}
	if *key != "" && len(*key) < ugcsim.MinKeyLength {
		fmt.Fprintf(stderr, "singlecam simulate: --key must be at least %d characters, as Move's keys are (Singlecam refuses a shorter one)\n", ugcsim.MinKeyLength)
		return 2
	}
	if !(*speed > 0) || math.IsInf(*speed, 1) {
		fmt.Fprintln(stderr, "singlecam simulate: --speed must be more than 0")
		return 2
	}

	sim, err := ugcsim.New(ugcsim.Config{Key: *key, Speed: *speed, URLLifetime: *lifetime, DataDir: *dataDir})
	if err != nil {
		return exitOn(stderr, err)
	}
	defer sim.Close()
	faults := sim.Faults()
	faults.FailCalls(*failCalls)
	faults.ThrottleWith(*throttle, *retryAfter)
	faults.ErrorPages(*errorPages, *errorPageSize)
	faults.MissingFiles(*missingFiles)
	faults.WithholdOutputURLs(*withholdURLs)
	faults.NullProgress(*nullProgress)
	if *revokeAfter > 0 {
		revoke := time.AfterFunc(*revokeAfter, func() { faults.RevokeKey(true) })
		defer revoke.Stop()
	}
	faults.FailTransfers(*failTransfers)
	faults.SetLatency(*latency)
	faults.ExpireURLs(*expireURLs)
	faults.FailJobs(*failJobs)
	if *cutUpload >= 0 {
		faults.CutUploads(1, *cutUpload)
	}
	if *cutDownload >= 0 {
		faults.CutDownloads(1, *cutDownload)
	}

	srv, err := sim.Listen(*addr)
	if err != nil {
		return exitOn(stderr, err)
	}
	fmt.Fprintf(stdout, "Move UGC API simulator\n  endpoint: %s\n  API key:  %s\n\n"+
		"Point a client at it with:\n  export MOVE_UGC_ENDPOINT_URL=%s\n  export MOVE_API_KEY=%s\n\nPress Ctrl+C to stop.\n",
		srv.Endpoint, sim.Key(), srv.Endpoint, sim.Key())

	<-ctx.Done()
	shutdownCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		return exitOn(stderr, err)
	}
	fmt.Fprintln(stdout, "Simulator stopped.")
	return 0
}
