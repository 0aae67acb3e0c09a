package ugcsim

import (
	"crypto/hmac"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Presigned URLs look like S3's: /blob/<file id>[/thumbnail] with the issue
// time, lifetime and an HMAC of method, path and both in the query.
const (
	blobPrefix      = "/blob/"
	thumbnailSuffix = "/thumbnail"
	amzDateFormat   = "20060102T150405Z"
	// maxSinglePut is S3's cap on one PUT (core/contract/API.md: 5 GiB).
	maxSinglePut = 5 << 30
	copyBuffer   = 1 << 20
)

func (s *Simulator) presign(base, method, fileID, suffix string) string {
	issued := s.now()
	if s.faults.urlsExpired() {
		issued = issued.Add(-2 * s.cfg.URLLifetime)
	}
	date := issued.UTC().Format(amzDateFormat)
	expires := strconv.Itoa(int(s.cfg.URLLifetime.Seconds()))
	path := blobPrefix + fileID + suffix
	return base + path + "?X-Amz-Date=" + date + "&X-Amz-Expires=" + expires +
		"&X-Amz-Signature=" + s.sign(method, path, date, expires)
}

func (s *Simulator) sign(method, path, date, expires string) string {
	mac := hmac.New(sha256.New, s.secret)
	fmt.Fprintf(mac, "%s\n%s\n%s\n%s", method, path, date, expires)
	return hex.EncodeToString(mac.Sum(nil))
}

// checkPresigned answers "" when the request's signature is good and current,
// else the S3 error code to refuse it with.
func (s *Simulator) checkPresigned(r *http.Request) (code, message string) {
	q := r.URL.Query()
	date, expires, sig := q.Get("X-Amz-Date"), q.Get("X-Amz-Expires"), q.Get("X-Amz-Signature")
	want := s.sign(r.Method, r.URL.Path, date, expires)
	if !hmac.Equal([]byte(sig), []byte(want)) {
		return "SignatureDoesNotMatch", "The request signature we calculated does not match the signature you provided."
	}
	issued, err := time.Parse(amzDateFormat, date)
	seconds, err2 := strconv.Atoi(expires)
	if err != nil || err2 != nil || s.now().After(issued.Add(time.Duration(seconds)*time.Second)) {
		return "AccessDenied", "Request has expired"
	}
	return "", ""
}

func (s *Simulator) serveBlob(w http.ResponseWriter, r *http.Request) {
	time.Sleep(s.faults.delay())
	if s.faults.take(&s.faults.failTransfers) {
		s3Error(w, http.StatusServiceUnavailable, "SlowDown", "Please reduce your request rate. (simulated fault)")
		return
	}
	if code, msg := s.checkPresigned(r); code != "" {
		s3Error(w, http.StatusForbidden, code, msg)
		return
	}
	rest := strings.TrimPrefix(r.URL.Path, blobPrefix)
	fileID, thumbnail := strings.CutSuffix(rest, thumbnailSuffix)
	switch {
	case r.Method == http.MethodPut && !thumbnail:
		s.receiveUpload(w, r, fileID)
	case (r.Method == http.MethodGet || r.Method == http.MethodHead) && !thumbnail && s.faults.take(&s.faults.missingFiles):
		s3Error(w, http.StatusNotFound, "NoSuchKey", "The specified key does not exist. (simulated fault)")
	case r.Method == http.MethodGet || r.Method == http.MethodHead:
		s.sendFile(w, r, fileID, thumbnail)
	default:
		s3Error(w, http.StatusMethodNotAllowed, "MethodNotAllowed", "The specified method is not allowed against this resource.")
	}
}

// receiveUpload streams a PUT body to disk (never whole into memory) and
// answers with an S3-style ETag, the body's MD5.
func (s *Simulator) receiveUpload(w http.ResponseWriter, r *http.Request, fileID string) {
	s.store.mu.Lock()
	f := s.store.files[fileID]
	s.store.mu.Unlock()
	switch {
	case f == nil || f.outputOf != "":
		s3Error(w, http.StatusNotFound, "NoSuchKey", "The specified key does not exist.")
		return
	case r.ContentLength < 0:
		s3Error(w, http.StatusLengthRequired, "MissingContentLength", "You must provide the Content-Length HTTP header.")
		return
	case r.ContentLength > maxSinglePut:
		s3Error(w, http.StatusBadRequest, "EntityTooLarge", "Your proposed upload exceeds the maximum allowed size of 5 GiB.")
		return
	}
	tmp, err := os.CreateTemp(s.store.dir, fileID+".part-*")
	if err != nil {
		s3Error(w, http.StatusInternalServerError, "InternalError", "The simulator could not store the upload.")
		return
	}
	defer os.Remove(tmp.Name()) // a no-op once renamed
	defer tmp.Close()

	sum := md5.New()
	sink := io.MultiWriter(tmp, sum)
	if after, cut := s.faults.takeCut(&s.faults.cutUploads, &s.faults.cutUploadAfter); cut {
		_, _ = io.CopyN(sink, r.Body, after)
		panic(http.ErrAbortHandler) // drop the connection mid-body
	}
	n, err := io.CopyBuffer(sink, io.LimitReader(r.Body, r.ContentLength), make([]byte, copyBuffer))
	if err != nil || n != r.ContentLength {
		s3Error(w, http.StatusBadRequest, "IncompleteBody", "You did not provide the number of bytes specified by the Content-Length HTTP header.")
		return
	}
	final := filepath.Join(s.store.dir, fileID+f.typ)
	if tmp.Close() != nil || os.Rename(tmp.Name(), final) != nil {
		s3Error(w, http.StatusInternalServerError, "InternalError", "The simulator could not store the upload.")
		return
	}
	etag := `"` + hex.EncodeToString(sum.Sum(nil)) + `"`
	thumb := s.thumbnailFor(final, f.typ)

	s.store.mu.Lock()
	f.path, f.size, f.etag, f.uploadedAt, f.thumbnail = final, n, etag, s.now(), thumb
	s.store.mu.Unlock()
	w.Header().Set("ETag", etag)
	w.WriteHeader(http.StatusOK)
}

// sendFile serves an uploaded or generated file, or a video's thumbnail, with
// Content-Length and Range support.
func (s *Simulator) sendFile(w http.ResponseWriter, r *http.Request, fileID string, thumbnail bool) {
	s.store.mu.Lock()
	var path, etag string
	if f := s.store.files[fileID]; f != nil {
		path, etag = f.path, f.etag
		if thumbnail {
			path, etag = f.thumbnail, ""
		}
	}
	s.store.mu.Unlock()
	file, err := os.Open(path)
	if path == "" || err != nil {
		s3Error(w, http.StatusNotFound, "NoSuchKey", "The specified key does not exist.")
		return
	}
	defer file.Close()
	info, err := file.Stat()
	if err != nil {
		s3Error(w, http.StatusInternalServerError, "InternalError", "The simulator could not read the file.")
		return
	}
	if etag != "" {
		w.Header().Set("ETag", etag)
	}
	contentType := mime.TypeByExtension(filepath.Ext(path))
	if contentType == "" {
		contentType = "application/octet-stream"
	}
	w.Header().Set("Content-Type", contentType)
	if after, cut := s.faults.takeCut(&s.faults.cutDownloads, &s.faults.cutDownloadAfter); cut {
		w = &cuttingWriter{ResponseWriter: w, left: after}
	}
	http.ServeContent(w, r, "", info.ModTime(), file)
}

// cuttingWriter drops the connection once it has passed on its byte budget.
type cuttingWriter struct {
	http.ResponseWriter
	left int64
}

func (c *cuttingWriter) Write(p []byte) (int, error) {
	if int64(len(p)) > c.left {
		_, _ = c.ResponseWriter.Write(p[:c.left])
		http.NewResponseController(c.ResponseWriter).Flush()
		panic(http.ErrAbortHandler)
	}
	c.left -= int64(len(p))
	return c.ResponseWriter.Write(p)
}

func s3Error(w http.ResponseWriter, status int, code, message string) {
	w.Header().Set("Content-Type", "application/xml")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>%s</Code><Message>%s</Message></Error>\n", code, message)
}

func etagOf(data []byte) string {
	sum := md5.Sum(data)
	return `"` + hex.EncodeToString(sum[:]) + `"`
}
