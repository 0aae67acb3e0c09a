package cli

import (
	"bufio"
	"bytes"
	"context"
	"io"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The README's example: start the simulator, create a file with the printed
// key, upload to the URL it returns.
func TestSimulatePrintsAnEndpointAndKeyThatWork(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	out, w := io.Pipe()
	var stderr bytes.Buffer
	exit := make(chan int, 1)
	go func() {
		exit <- serveSimulator(ctx, []string{"--addr", "127.0.0.1:0", "--key", "demo-key-123456", "--speed", "50"}, w, &stderr)
		w.Close()
	}()

	endpoint, key := readEndpointAndKey(t, bufio.NewScanner(out))
	go io.Copy(io.Discard, out)
	if key != "demo-key-123456" {
		t.Errorf("printed key %q", key)
	}
	req, _ := http.NewRequest(http.MethodPost, endpoint,
		strings.NewReader(`{"query":"mutation { createFile(type: \"mp4\") { id presignedUrl } }"}`))
	req.Header.Set("authorization", key)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	m := regexp.MustCompile(`"presignedUrl":"([^"]+)"`).FindSubmatch(body)
	if m == nil {
		t.Fatalf("createFile answered %s", body)
	}
	uploadURL := strings.ReplaceAll(string(m[1]), `\u0026`, "&")
	put, _ := http.NewRequest(http.MethodPut, uploadURL, strings.NewReader("a small video"))
	resp, err = http.DefaultClient.Do(put)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK || resp.Header.Get("ETag") == "" {
		t.Errorf("upload: %s", resp.Status)
	}

	cancel()
	select {
	case code := <-exit:
		if code != 0 {
			t.Errorf("exit %d, stderr %s", code, stderr.String())
		}
	case <-time.After(10 * time.Second):
		t.Fatal("simulator did not stop")
	}
}

func readEndpointAndKey(t *testing.T, lines *bufio.Scanner) (endpoint, key string) {
	t.Helper()
	for lines.Scan() && (endpoint == "" || key == "") {
		line := strings.TrimSpace(lines.Text())
		if v, ok := strings.CutPrefix(line, "endpoint:"); ok {
			endpoint = strings.TrimSpace(v)
		}
		if v, ok := strings.CutPrefix(line, "API key:"); ok {
			key = strings.TrimSpace(v)
		}
	}
	if endpoint == "" || key == "" {
		t.Fatal("the simulator did not print its endpoint and key")
	}
	return endpoint, key
}

func TestSimulateRefusesBadFlags(t *testing.T) {
	var stderr bytes.Buffer
	if code := serveSimulator(context.Background(), []string{"--speed", "0"}, io.Discard, &stderr); code != 2 {
		t.Errorf("--speed 0: exit %d", code)
	}
	stderr.Reset()
	if code := serveSimulator(context.Background(), []string{"--key", "sim-t4key"}, io.Discard, &stderr); code != 2 || !strings.Contains(stderr.String(), "at least 12 characters") {
		t.Errorf("--key sim-t4key (9 characters): exit %d, %q", code, stderr.String())
	}
	if code := serveSimulator(context.Background(), []string{"--nope"}, io.Discard, &stderr); code != 2 {
		t.Errorf("unknown flag: exit %d", code)
	}
}

func TestUnknownCommandIsAUsageError(t *testing.T) {
	var stderr bytes.Buffer
	if code := Run([]string{"frobnicate"}, Env{Stdout: io.Discard, Stderr: &stderr}); code != 2 || !strings.Contains(stderr.String(), `unknown command "frobnicate"`) {
		t.Errorf("exit %d, %q", code, stderr.String())
	}
	if IsCommand([]string{"--demo"}) || IsCommand(nil) || !IsCommand([]string{"simulate"}) {
		t.Error("IsCommand misjudges the GUI's and the terminal's arguments")
	}
}
