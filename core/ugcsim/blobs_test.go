package ugcsim

import (
	"bufio"
	"bytes"
	"crypto/md5"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func (ts *testSim) createdFile() (id, uploadURL string) {
	var out struct {
		CreateFile struct{ ID, PresignedURL string }
	}
	ts.query(`mutation { createFile(type: "mp4") { id presignedUrl } }`, nil, &out)
	return out.CreateFile.ID, out.CreateFile.PresignedURL
}

func do(t *testing.T, method, rawURL string, body io.Reader) *http.Response {
	t.Helper()
	req, _ := http.NewRequest(method, rawURL, body)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func s3Code(t *testing.T, resp *http.Response) string {
	t.Helper()
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	start, end := bytes.Index(body, []byte("<Code>")), bytes.Index(body, []byte("</Code>"))
	if start < 0 || end < start {
		return ""
	}
	return string(body[start+6 : end])
}

func TestUploadAnswersWithTheMD5ETag(t *testing.T) {
	ts := newTestSim(t, Config{})
	_, u := ts.createdFile()
	data := []byte("some video bytes")
	resp := do(t, http.MethodPut, u, bytes.NewReader(data))
	resp.Body.Close()
	sum := md5.Sum(data)
	if resp.StatusCode != http.StatusOK || resp.Header.Get("ETag") != `"`+hex.EncodeToString(sum[:])+`"` {
		t.Errorf("PUT: %s, ETag %q", resp.Status, resp.Header.Get("ETag"))
	}
}

func TestTamperedURLsAreRefused(t *testing.T) {
	ts := newTestSim(t, Config{})
	id, u := ts.createdFile()
	parsed, _ := url.Parse(u)
	q := parsed.Query()

	forged := *parsed
	q2 := url.Values{}
	for k, v := range q {
		q2[k] = v
	}
	q2.Set("X-Amz-Expires", "999999")
	forged.RawQuery = q2.Encode()
	if code := s3Code(t, do(t, http.MethodPut, forged.String(), strings.NewReader("x"))); code != "SignatureDoesNotMatch" {
		t.Errorf("longer lifetime: %q", code)
	}
	other := strings.Replace(u, id, "file-someone-else", 1)
	if code := s3Code(t, do(t, http.MethodPut, other, strings.NewReader("x"))); code != "SignatureDoesNotMatch" {
		t.Errorf("another file: %q", code)
	}
	if code := s3Code(t, do(t, http.MethodGet, u, nil)); code != "SignatureDoesNotMatch" {
		t.Errorf("GET with an upload URL: %q", code)
	}
}

func TestUploadNeedsAContentLength(t *testing.T) {
	ts := newTestSim(t, Config{})
	_, u := ts.createdFile()
	req, _ := http.NewRequest(http.MethodPut, u, io.MultiReader(strings.NewReader("chunked")))
	req.ContentLength = -1 // unknown: sent chunked
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	if code := s3Code(t, resp); resp.StatusCode != http.StatusLengthRequired || code != "MissingContentLength" {
		t.Errorf("chunked PUT: %s %q", resp.Status, code)
	}
}

func TestUploadOverFiveGiBIsRefusedBeforeReadingIt(t *testing.T) {
	ts := newTestSim(t, Config{})
	_, u := ts.createdFile()
	parsed, _ := url.Parse(u)
	conn, err := net.Dial("tcp", parsed.Host)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	// Only the headers: a client that announces 5 GiB + 1 byte.
	fmt.Fprintf(conn, "PUT %s HTTP/1.1\r\nHost: %s\r\nContent-Length: %d\r\n\r\n", parsed.RequestURI(), parsed.Host, int64(5<<30)+1)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	if err != nil {
		t.Fatal(err)
	}
	if code := s3Code(t, resp); resp.StatusCode != http.StatusBadRequest || code != "EntityTooLarge" {
		t.Errorf("5 GiB + 1: %s %q", resp.Status, code)
	}
}

func TestDownloadServesLengthAndRanges(t *testing.T) {
	ts := newTestSim(t, Config{})
	id := ts.uploadedVideo([]byte("0123456789"))
	var out struct {
		GetFile struct{ PresignedURL, ThumbnailURL string }
	}
	ts.query(`query($id: ID!) { getFile(fileId: $id) { presignedUrl thumbnailUrl } }`, map[string]any{"id": id}, &out)

	req, _ := http.NewRequest(http.MethodGet, out.GetFile.PresignedURL, nil)
	req.Header.Set("Range", "bytes=3-5")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusPartialContent || string(body) != "345" || resp.Header.Get("Content-Range") != "bytes 3-5/10" {
		t.Errorf("range: %s %q %q", resp.Status, body, resp.Header.Get("Content-Range"))
	}
	thumb := do(t, http.MethodGet, out.GetFile.ThumbnailURL, nil)
	thumb.Body.Close()
	if thumb.StatusCode != http.StatusOK || thumb.Header.Get("Content-Type") != "image/png" {
		t.Errorf("thumbnail: %s %s", thumb.Status, thumb.Header.Get("Content-Type"))
	}
}

func TestMoveFilesGetNoThumbnail(t *testing.T) {
	ts := newTestSim(t, Config{})
	var out struct {
		CreateFile struct{ ID, PresignedURL string }
	}
	ts.query(`mutation { createFile(type: "move") { id presignedUrl } }`, nil, &out)
	do(t, http.MethodPut, out.CreateFile.PresignedURL, strings.NewReader("sensor")).Body.Close()
	var got struct {
		GetFile struct{ ThumbnailURL *string }
	}
	ts.query(`query($id: ID!) { getFile(fileId: $id) { thumbnailUrl } }`, map[string]any{"id": out.CreateFile.ID}, &got)
	if got.GetFile.ThumbnailURL != nil {
		t.Errorf("a .move file got thumbnail %q", *got.GetFile.ThumbnailURL)
	}
}
