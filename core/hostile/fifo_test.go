package hostile_test

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"singlecam/core/hostile"
	"singlecam/core/outputs"
)

// A named pipe given as a file once blocked its reader in the open for
// ever (it waits for a writer): a drop of one hung, and so would a job
// folder or a journal holding one. Every reader refuses it instead.
func TestANamedPipeIsRefusedNotWaitedOn(t *testing.T) {
	gltf := []byte(`{"asset":{"version":"2.0"},"nodes":[{"name":"hips"}],"skins":[{"joints":[0]}],` +
		`"buffers":[{"byteLength":64,"uri":"pipe.bin"}],"bufferViews":[{"buffer":0,"byteLength":64}],` +
		`"accessors":[{"bufferView":0,"componentType":5126,"count":2,"type":"SCALAR"},{"bufferView":0,"componentType":5126,"count":2,"type":"VEC4"}],` +
		`"animations":[{"channels":[{"sampler":0,"target":{"node":0,"path":"rotation"}}],"samplers":[{"input":0,"output":1}]}]}`)
	for _, c := range []struct {
		name string
		kind hostile.Kind
		file string // the pipe's name
		with []byte // written as crafted.gltf beside it, when given
	}{
		{"a .bvh", hostile.Motion, "crafted.bvh", nil},
		{"a .zip", hostile.Motion, "crafted.zip", nil},
		{"a .gltf's buffer", hostile.Motion, "pipe.bin", gltf},
		{"a video", hostile.Video, "crafted.mp4", nil},
		{"a .move file", hostile.MoveFile, "crafted.move", nil},
		{"a job's manifest", hostile.Manifest, filepath.Join("job", outputs.ManifestName), nil},
		{"a journal record", hostile.Journal, "r.json", nil},
	} {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			pipe := filepath.Join(dir, c.file)
			os.MkdirAll(filepath.Dir(pipe), 0o755)
			if err := makeFIFO(pipe); errors.Is(err, errors.ErrUnsupported) {
				t.Skip("no named pipes here")
			} else if err != nil {
				t.Fatal(err)
			}
			path := pipe
			if c.with != nil {
				path = filepath.Join(dir, "crafted.gltf")
				os.WriteFile(path, c.with, 0o600)
			}
			done := make(chan string, 1)
			go func() {
				outcome, err := read(c.kind, path)
				if err != nil {
					outcome = "refused: " + err.Error()
				}
				done <- outcome
			}()
			select {
			case outcome := <-done:
				t.Log(outcome)
			case <-time.After(10 * time.Second):
				// Unblock the reader (a writer's open ends its wait).
				if w, err := os.OpenFile(pipe, os.O_WRONLY, 0); err == nil {
					w.Close()
				}
				t.Fatalf("still reading the named pipe after 10 s")
			}
		})
	}
}
