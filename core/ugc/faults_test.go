package ugc_test

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"singlecam/core/ugc"
)

// These tests follow presigned URLs the way the app's transfers will, with
// each of the simulator's transfer faults on.

func TestExpiredUploadURLIsRefusedAndGetFileGivesAFreshOne(t *testing.T) {
	h := newHarness(t)
	h.sim.Faults().ExpireURLs(true)
	f, err := h.client.CreateFile(ctx, "mp4", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if resp := put(t, f.PresignedURL, []byte("video")); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("PUT to an expired URL: %s, want 403", resp.Status)
	}
	h.sim.Faults().ExpireURLs(false)
	fresh, err := h.client.GetFile(ctx, f.ID)
	if err != nil {
		t.Fatal(err)
	}
	if resp := put(t, fresh.PresignedURL, []byte("video")); resp.StatusCode != http.StatusOK {
		t.Fatalf("PUT to a fresh URL: %s", resp.Status)
	}
}

func TestURLsExpireWithTime(t *testing.T) {
	h := newHarness(t)
	f, err := h.client.CreateFile(ctx, "mp4", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(16 * time.Minute) // the default lifetime is 15 minutes
	if resp := put(t, f.PresignedURL, []byte("video")); resp.StatusCode != http.StatusForbidden {
		t.Fatalf("PUT after expiry: %s, want 403", resp.Status)
	}
}

func TestCutUploadFailsAndLeavesTheFileNotUploaded(t *testing.T) {
	h := newHarness(t)
	f, err := h.client.CreateFile(ctx, "mp4", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	h.sim.Faults().CutUploads(1, 1000)
	video := bytes.Repeat([]byte("v"), 1<<20)
	req, _ := http.NewRequest(http.MethodPut, f.PresignedURL, bytes.NewReader(video))
	if resp, err := http.DefaultClient.Do(req); err == nil {
		resp.Body.Close()
		t.Fatalf("a cut upload answered %s", resp.Status)
	}
	// The job made from it fails, as the service's would.
	take, err := h.client.CreateSingleCamTake(ctx, ugc.TakeRequest{DeviceLabel: "iphone", VideoFileID: f.ID, VideoFormat: ugc.FormatMP4})
	if err != nil {
		t.Fatal(err)
	}
	job, err := h.client.CreateSingleCamJob(ctx, ugc.JobRequest{TakeID: take.ID})
	if err != nil {
		t.Fatal(err)
	}
	h.clock.Advance(time.Minute)
	if job = mustGetJob(t, h, job.ID); job.State != ugc.StateFailed {
		t.Errorf("job on a cut upload is %v, want failed", job.State)
	}
	// The next upload goes through whole.
	if resp := put(t, f.PresignedURL, video); resp.StatusCode != http.StatusOK {
		t.Errorf("second PUT: %s", resp.Status)
	}
}

func TestCutDownloadResumesWithARangeRequest(t *testing.T) {
	h := newHarness(t)
	video := bytes.Repeat([]byte("0123456789"), 50_000)
	take := uploadedTake(t, h, video)
	f, err := h.client.GetFile(ctx, take.VideoFile.ID)
	if err != nil {
		t.Fatal(err)
	}
	h.sim.Faults().CutDownloads(1, 123_456)

	resp, err := http.Get(f.PresignedURL)
	if err != nil {
		t.Fatal(err)
	}
	if resp.ContentLength != int64(len(video)) {
		t.Errorf("Content-Length = %d, want %d", resp.ContentLength, len(video))
	}
	first, err := io.ReadAll(resp.Body)
	resp.Body.Close()
	if !errors.Is(err, io.ErrUnexpectedEOF) || len(first) != 123_456 {
		t.Fatalf("cut download: %d bytes, err %v; want 123456 bytes and an unexpected EOF", len(first), err)
	}

	req, _ := http.NewRequest(http.MethodGet, f.PresignedURL, nil)
	req.Header.Set("Range", fmt.Sprintf("bytes=%d-", len(first)))
	resp, err = http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusPartialContent {
		t.Fatalf("range request: %s, want 206", resp.Status)
	}
	wantRange := fmt.Sprintf("bytes %d-%d/%d", len(first), len(video)-1, len(video))
	if got := resp.Header.Get("Content-Range"); got != wantRange {
		t.Errorf("Content-Range = %q, want %q", got, wantRange)
	}
	rest, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(append(first, rest...), video) {
		t.Error("resumed download differs from the upload")
	}
}

func TestFailTransfersAnswers503ThenRecovers(t *testing.T) {
	h := newHarness(t)
	f, err := h.client.CreateFile(ctx, "mp4", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	h.sim.Faults().FailTransfers(1)
	if resp := put(t, f.PresignedURL, []byte("v")); resp.StatusCode != http.StatusServiceUnavailable {
		t.Errorf("first PUT: %s, want 503", resp.Status)
	}
	if resp := put(t, f.PresignedURL, []byte("v")); resp.StatusCode != http.StatusOK {
		t.Errorf("second PUT: %s, want 200", resp.Status)
	}
}

func TestLatencyDelaysTransfersToo(t *testing.T) {
	h := newHarness(t)
	f, err := h.client.CreateFile(ctx, "mp4", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	h.sim.Faults().SetLatency(200 * time.Millisecond)
	slow := &http.Client{Timeout: 50 * time.Millisecond}
	req, _ := http.NewRequest(http.MethodPut, f.PresignedURL, strings.NewReader("v"))
	if resp, err := slow.Do(req); err == nil {
		resp.Body.Close()
		t.Errorf("PUT under latency answered %s within the timeout", resp.Status)
	}
}
