//go:build linux

package transfer_test

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"singlecam/core/transfer"
	"singlecam/core/ugc"
	"singlecam/core/ugcsim"
)

// The benchmark's simulator runs in a child process (this test binary again),
// so that the benchmark process holds the client alone and its peak memory
// is the client's.
func TestMain(m *testing.M) {
	if dir := os.Getenv("SINGLECAM_BENCH_SIMULATOR"); dir != "" {
		serveBenchSimulator(dir)
		return
	}
	os.Exit(m.Run())
}

func serveBenchSimulator(dir string) {
	sim, err := ugcsim.New(ugcsim.Config{Key: key, DataDir: dir})
	if err != nil {
		os.Exit(2)
	}
	srv, err := sim.Listen("127.0.0.1:0")
	if err != nil {
		os.Exit(2)
	}
	fmt.Println(srv.Endpoint)
	select {} // until killed
}

// BenchmarkTransfer1GiB uploads and downloads a 1 GiB file (set
// SINGLECAM_BENCH_BYTES for another size) through the simulator on
// loopback, with this client and with curl on the same kind of URL, and
// reports both throughputs, their ratio, and the client's peak RSS.
// Targets: at least 0.9x curl, peak RSS under 64 MiB.
func BenchmarkTransfer1GiB(b *testing.B) {
	size := int64(1 << 30)
	if s := os.Getenv("SINGLECAM_BENCH_BYTES"); s != "" {
		size, _ = strconv.ParseInt(s, 10, 64)
	}
	curl, err := exec.LookPath("curl")
	if err != nil {
		b.Skip("curl is not installed")
	}
	work := b.TempDir()
	endpoint := startBenchSimulator(b, filepath.Join(work, "sim"))
	api, err := ugc.New(ugc.Config{Key: key, Endpoint: endpoint})
	if err != nil {
		b.Fatal(err)
	}
	source := filepath.Join(work, "video.mp4")
	writeRandomFile(b, source, size)
	x := transfer.New(transfer.Config{})
	ctx := context.Background()

	// Each round alternates which client goes first, and the file is read
	// once before the downloads are timed: the first read of a fresh upload
	// is slow whoever makes it.
	var ours, theirs, oursDown, theirsDown time.Duration
	for i := range b.N * 2 {
		uploadOurs := func() {
			f, _ := api.CreateFile(ctx, "mp4", "", nil)
			ours += timed(func() {
				if _, err := x.Upload(ctx, source, transfer.FixedURL(f.PresignedURL), nil); err != nil {
					b.Fatal(err)
				}
			})
		}
		uploadCurl := func() {
			g, _ := api.CreateFile(ctx, "mp4", "", nil)
			theirs += timed(func() { runCurl(b, curl, "-T", source, g.PresignedURL) })
		}
		f, _ := api.CreateFile(ctx, "mp4", "", nil)
		if _, err := x.Upload(ctx, source, transfer.FixedURL(f.PresignedURL), nil); err != nil {
			b.Fatal(err)
		}
		down, _ := api.GetFile(ctx, f.ID)
		runCurl(b, curl, "-o", os.DevNull, down.PresignedURL) // the warm-up read
		dest, curlDest := filepath.Join(work, "ours.mp4"), filepath.Join(work, "curl.mp4")
		downloadOurs := func() {
			oursDown += timed(func() {
				if _, err := x.Download(ctx, transfer.FixedURL(down.PresignedURL), dest, nil); err != nil {
					b.Fatal(err)
				}
			})
		}
		downloadCurl := func() { theirsDown += timed(func() { runCurl(b, curl, "-o", curlDest, down.PresignedURL) }) }
		if i%2 == 0 {
			uploadOurs()
			uploadCurl()
			downloadOurs()
			downloadCurl()
		} else {
			uploadCurl()
			uploadOurs()
			downloadCurl()
			downloadOurs()
		}
		os.Remove(dest)
		os.Remove(curlDest)
	}
	mbps := func(d time.Duration) float64 { return float64(size) * float64(2*b.N) / d.Seconds() / 1e6 }
	b.ReportMetric(mbps(ours), "upload-MB/s")
	b.ReportMetric(mbps(theirs), "curl-upload-MB/s")
	b.ReportMetric(theirs.Seconds()/ours.Seconds(), "upload-x-curl")
	b.ReportMetric(mbps(oursDown), "download-MB/s")
	b.ReportMetric(mbps(theirsDown), "curl-download-MB/s")
	b.ReportMetric(theirsDown.Seconds()/oursDown.Seconds(), "download-x-curl")
	b.ReportMetric(peakRSSMiB(), "peak-RSS-MiB")
}

func startBenchSimulator(b *testing.B, dir string) string {
	b.Helper()
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), "SINGLECAM_BENCH_SIMULATOR="+dir)
	out, err := child.StdoutPipe()
	if err != nil {
		b.Fatal(err)
	}
	if err := child.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { child.Process.Kill(); child.Wait() })
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		b.Fatalf("the simulator did not start: %v", err)
	}
	return strings.TrimSpace(line)
}

// writeRandomFile fills a file with incompressible bytes, 1 MiB at a time.
func writeRandomFile(b *testing.B, path string, size int64) {
	block := make([]byte, 1<<20)
	r := rand.New(rand.NewPCG(1, 2))
	for i := range block {
		block[i] = byte(r.Uint32())
	}
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	for written := int64(0); written < size; {
		n := min(int64(len(block)), size-written)
		f.Write(block[:n])
		block[0]++ // no two blocks alike
		written += n
	}
}

func runCurl(b *testing.B, curl string, args ...string) {
	cmd := exec.Command(curl, append([]string{"-sS", "--fail"}, args...)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("curl: %v %s", err, out)
	}
}

// timed times f, starting from a clean disk cache state: without the sync,
// whichever transfer runs after a big write pays for flushing it.
func timed(f func()) time.Duration {
	syscall.Sync()
	start := time.Now()
	f()
	return time.Since(start)
}

// peakRSSMiB is this process's peak resident memory (Linux's VmHWM).
func peakRSSMiB() float64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return -1
	}
	for _, line := range bytes.Split(data, []byte("\n")) {
		if v, ok := bytes.CutPrefix(line, []byte("VmHWM:")); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(string(v)), " kB"), 64)
			return kb / 1024
		}
	}
	return -1
}
