"""Imports the simulator's motion files, and every export preset's files,
into Blender, headless, and checks what an animator would: the file
imports, the armature has the bones it should (and, for exports, by the
names the preset promises), the action spans the frames it should at the
clip's frame rate, the character stands upright (head above hips, feet near
the floor) at an adult's height in the unit the file promises, and an
in-place export keeps its hips within 1 cm of the vertical axis; and, for
captures before and after clean-up (cleaned.json), measures foot skate and
the lowest foot in Blender itself: clean-up must take 80 % of the skate off,
agree with the numbers Singlecam showed, leave no foot more than 1 cm
below the floor, and stand every planted foot on it (its toes' median
height over each contact within -1 to +1.5 cm: the toes of a planted foot
may be off the floor while the heel stands); and, for a capture put on
CesiumMan cleaned first or cleaned after (orders-on-characters.json), the
deformed mesh's lowest point no more than 1 cm below the floor on any
planted frame.

Run by .ci/dcc-check as: blender -b --factory-startup --python .ci/dcc_check.py -- DIR
where DIR holds the files, samples.json and exports.json (written by Go tests).
"""
import builtins
import json
import os
import sys
import tempfile
import zipfile

# Debian's numpy 1.24 dropped numpy.bool, which Blender 3.4's glTF add-on uses.
import numpy
numpy.bool = bool

# Blender 3.4's BVH importer opens files with mode 'rU', which Python 3.11 refuses.
_open = builtins.open
def _open_without_u(file, mode="r", *args, **kwargs):
    return _open(file, mode.replace("U", ""), *args, **kwargs)
builtins.open = _open_without_u

import bpy  # noqa: E402


def reset(fps):
    bpy.ops.wm.read_factory_settings(use_empty=True)
    bpy.context.scene.render.fps = int(round(fps))
    bpy.context.scene.render.fps_base = 1.0


def armatures():
    return [o for o in bpy.context.scene.objects if o.type == "ARMATURE"]


def find_bone(arm, names):
    """The world position of the first pose bone called one of names (or,
    for the simulator's files, ending in one of them)."""
    bones = arm.pose.bones
    for n in names:
        b = bones.get(n)
        if b is not None:
            return arm.matrix_world @ b.head
    for b in bones:
        for n in names:
            if b.name.endswith(n):
                return arm.matrix_world @ b.head
    return None


def check_pose(arm, frame, problems, name, sample):
    """Head above hips and the lowest foot near the floor, in Blender's Z-up
    world and in metres (the file's units times metres_per_unit); for an
    in-place export, the hips within 1 cm of the vertical axis."""
    bpy.context.scene.frame_set(frame)
    k = sample.get("metres_per_unit") or 1.0
    head = find_bone(arm, [sample.get("head", "Head")])
    hips = find_bone(arm, [sample.get("hips", "Hips")])
    toes = [p for p in (find_bone(arm, [t]) for t in sample.get("toes", ["LeftToeBase", "RightToeBase"])) if p is not None]
    if head is None or hips is None or not toes:
        problems.append(f"{name}: no head, hips or toe bones")
        return
    head, hips, toes = head * k, hips * k, [t * k for t in toes]
    if head.z <= hips.z + 0.3:
        problems.append(f"{name} frame {frame}: head at {head.z:.2f} m is not above the hips at {hips.z:.2f} m")
    # A walking adult's head, in the unit the export promises.
    if "metres_per_unit" in sample and not 1.3 < head.z < 2.1:
        problems.append(f"{name} frame {frame}: the head is {head.z:.2f} m high, not an adult's height in the promised unit")
    low = min(p.z for p in toes)
    if os.environ.get("DCC_VERBOSE"):
        print(f"dcc-check: {name} frame {frame}: head {head.z:.3f} hips {hips.z:.3f} ({hips.x:.3f}, {hips.y:.3f}) toe {low:.3f} m")
    if sample.get("floor", True) and not -0.05 < low < 0.15:
        problems.append(f"{name} frame {frame}: the lower toe is at {low:.2f} m, not near the floor")
    if sample.get("in_place"):
        off = (hips.x ** 2 + hips.y ** 2) ** 0.5
        if off > 0.01:
            problems.append(f"{name} frame {frame}: in place, yet the hips are {off * 100:.1f} cm off the vertical axis")


def check(path, sample, problems):
    name = os.path.relpath(path, os.path.dirname(path)) if os.path.isabs(path) else path
    arms = armatures()
    if len(arms) != 1:
        problems.append(f"{name}: {len(arms)} armatures, want 1")
        return
    arm = arms[0]
    bones = len(arm.data.bones)
    if bones != sample["bones"]:
        problems.append(f"{name}: {bones} bones, want {sample['bones']}")
    if "names" in sample:
        got, want = {b.name for b in arm.data.bones}, set(sample["names"])
        if got != want:
            problems.append(f"{name}: bones {sorted(got - want)[:5]} not expected, {sorted(want - got)[:5]} missing")
    ad = arm.animation_data
    if ad is None or ad.action is None:
        problems.append(f"{name}: no action on the armature")
        return
    start, end = ad.action.frame_range
    frames = int(round(end - start)) + 1
    if frames != sample["frames"]:
        problems.append(f"{name}: the action spans {frames} frames ({start}..{end}), want {sample['frames']}")
    if bpy.context.scene.render.fps != int(round(sample["fps"])):
        problems.append(f"{name}: scene at {bpy.context.scene.render.fps} fps, want {sample['fps']}")
    if sample.get("in_place"):
        poses = range(int(start), int(end) + 1)  # every frame
    else:
        # Frame 1 of the motion, the middle, and the end (after the T-pose frame).
        poses = (int(start) + 1, int((start + end) / 2), int(end))
    for f in poses:
        check_pose(arm, f, problems, name, sample)
    print(f"dcc-check: {name}: {bones} bones, {frames} frames at {bpy.context.scene.render.fps} fps")


def mesh_points(obj):
    """The skinned mesh's vertices as the armature deforms them now, in world space."""
    deps = bpy.context.evaluated_depsgraph_get()
    ev = obj.evaluated_get(deps)
    mesh = ev.to_mesh()
    pts = [ev.matrix_world @ v.co for v in mesh.vertices]
    ev.to_mesh_clear()
    return pts


def check_character(path, sample, problems):
    """A character with a motion put on it (singlecam retarget): one
    armature with the character's bones, its mesh bound to it, an action that
    spans the motion, the mesh moving with it, the deformed mesh's lowest
    point on the floor (where the rest pose stands: within -5 to +10 cm at
    every frame of a walk, at the lowest frame of anything else) and the head
    above the hips (its height above them at least 85% of the rest pose's in
    a walk, reported otherwise)."""
    name = sample["file"]
    arms = armatures()
    if len(arms) != 1:
        problems.append(f"{name}: {len(arms)} armatures, want 1")
        return
    arm = arms[0]
    walk = sample.get("walk", False)
    # A sample may ask for its floor to be measured, not checked: with a
    # note saying why, or (sources put on a character) "floor": false.
    measure_only = bool(sample.get("note")) or sample.get("floor", True) is False
    if sample["bones"] >= 0 and len(arm.data.bones) != sample["bones"]:
        problems.append(f"{name}: {len(arm.data.bones)} bones, want {sample['bones']}")
    meshes = [o for o in bpy.context.scene.objects if o.type == "MESH" and (sample["mesh"] == "" or o.name == sample["mesh"])]
    bound = [o for o in meshes if any(m.type == "ARMATURE" and m.object == arm for m in o.modifiers)]
    if not bound:
        problems.append(f"{name}: no mesh {sample['mesh']} is bound to the armature")
        return
    # Meshes a bone carries (the three.js robot is built of rigid parts
    # parented to its bones) move with the armature too.
    def carried(o):
        while o.parent is not None:
            if o.parent == arm:
                return True
            o = o.parent
        return False
    movers = bound + [o for o in meshes if o not in bound and carried(o)]
    ad = arm.animation_data
    if ad is None or ad.action is None:
        problems.append(f"{name}: no action on the armature")
        return
    start, end = ad.action.frame_range
    frames = int(round(end - start)) + 1
    if frames != sample["frames"]:
        problems.append(f"{name}: the action spans {frames} frames, want {sample['frames']}")
    bones = arm.pose.bones
    for b in [sample["hips"], sample["head"], sample["hand"]] + sample["feet"]:
        if bones.get(b) is None:
            problems.append(f"{name}: no bone {b}")
            return
    def at(b):
        return arm.matrix_world @ bones[b].head
    def lowest():
        return min(p.z for o in movers for p in mesh_points(o))
    # The floor is where the character stands in its rest pose (its nodes'
    # own transforms, which Blender's rest, the bind pose, need not be):
    # Blender's ground (z = 0) for most, 2 cm lower for the three.js robot,
    # whose feet are modelled a little through it; the test that wrote the
    # file measured it. The head's height above the hips is compared with
    # the bind pose's.
    floor = sample.get("rest_floor", 0.0)
    arm.data.pose_position = "REST"
    bpy.context.view_layer.update()
    rest_head = at(sample["head"]).z - at(sample["hips"]).z
    arm.data.pose_position = "POSE"
    bpy.context.scene.frame_set(int(start) + 1)
    hand0, mesh0 = at(sample["hand"]), [p for o in bound for p in mesh_points(o)]
    moved = 0.0
    step = 1 if walk else 3
    lows, heads = [], []
    found = []  # this file's problems, the first few reported
    for f in range(int(start), int(end) + 1, step):
        bpy.context.scene.frame_set(f)
        low = lowest() - floor
        head = (at(sample["head"]).z - at(sample["hips"]).z) / rest_head
        lows.append(low)
        heads.append(head)
        if walk and not -0.05 <= low <= 0.10:
            found.append(f"{name} frame {f}: the mesh's lowest point is {100 * low:.1f} cm from the floor")
        if walk and head < 0.85:
            found.append(f"{name} frame {f}: the head is {100 * head:.0f}% of its rest height above the hips")
        if head <= 0:
            found.append(f"{name} frame {f}: the head is not above the hips")
        if f % 10 == 0:
            pts = [p for o in bound for p in mesh_points(o)]
            moved = max(moved, max((a - b).length for a, b in zip(pts, mesh0)))
    # Planted frames ([start, end) runs of the clip's frames on which a
    # foot is planted, from the test that wrote the file): the deformed
    # mesh's lowest point never more than 1 cm below the floor there (every
    # 2nd such frame above 100 fps: 8 ms apart, and half a minute saved).
    planted_lows = []
    every = 2 if sample["fps"] > 100 else 1
    for s, e in sample.get("planted", []):
        for f in range(s, e, every):
            bpy.context.scene.frame_set(int(start) + f)
            low = lowest() - floor
            planted_lows.append(low)
            if low < -0.01:
                found.append(f"{name} frame {int(start) + f} (planted): the mesh's lowest point is {100 * low:.1f} cm below the floor")
    problems += found[:3]
    if len(found) > 3:
        problems.append(f"{name}: and {len(found) - 3} more frames like these")
    if not walk and not measure_only and not -0.05 <= min(lows) <= 0.10:
        problems.append(f"{name}: the mesh's lowest point comes no nearer the floor than {100 * min(lows):.1f} cm")
    if moved < 0.05:
        problems.append(f"{name}: the mesh does not move with the animation (at most {moved:.3f} m)")
    print(f"dcc-check: {name}: {len(arm.data.bones)} bones, mesh bound, {frames} frames at {bpy.context.scene.render.fps} fps, "
          f"mesh moves up to {moved:.2f} m; rest floor {100 * floor:+.1f} cm; lowest point {100 * min(lows):+.1f} to {100 * max(lows):+.1f} cm from the floor "
          f"({'every frame' if walk else 'every 3rd frame'}), head above hips {100 * min(heads):.0f}-{100 * max(heads):.0f}% of rest"
          + (f"; on planted frames ({len(planted_lows)} checked) {100 * min(planted_lows):+.1f} to {100 * max(planted_lows):+.1f} cm" if planted_lows else "")
          + (f" [floor measured, not checked: {sample.get('note') or 'see the test that wrote it'}]" if measure_only else ""))


def check_characters(folder, problems):
    samples = []
    for name in ("characters.json", "sources-on-characters.json", "cleaned-characters.json", "orders-on-characters.json"):
        listing = os.path.join(folder, name)
        if os.path.exists(listing):
            with _open(listing) as f:
                samples += json.load(f)
    for sample in samples:
        reset(sample["fps"])
        bpy.ops.import_scene.gltf(filepath=os.path.join(folder, sample["file"]))
        check_character(sample["file"], sample, problems)
    return len(samples)


def foot_track(path, sample):
    """Per frame, each foot's heel (the ankle bone's head), ball (the toe
    bone's head) and, where the file has one, the toe tip (the toe bone's
    tail: a BVH End Site), in metres in Blender's Z-up world."""
    reset(sample["fps"])
    if sample["format"] == "bvh":
        import_bvh(path, {"up": "y"})
    else:
        bpy.ops.import_scene.gltf(filepath=path)
    arm = armatures()[0]
    start = int(arm.animation_data.action.frame_range[0])
    k = sample["metres_per_unit"]
    bones = arm.pose.bones
    feet = [[bones[n] for n in names] for names in sample["feet"]]
    track = []
    for f in range(sample["frames"]):
        bpy.context.scene.frame_set(start + f)
        row = []
        for heel, ball in feet:
            pts = [arm.matrix_world @ heel.head, arm.matrix_world @ ball.head]
            if sample["format"] == "bvh":
                pts.append(arm.matrix_world @ ball.tail)
            row.append([p * k for p in pts])
        track.append(row)
    return track


def skate_and_lowest(track, sample):
    """Foot skate as Singlecam defines it (cm per second of contact: on each
    pair of planted frames the smaller horizontal move of heel and ball) and
    the lowest the toes reach (cm; the floor is at 0 after clean-up)."""
    dist, frames = 0.0, 0
    for foot, runs in enumerate(sample["contacts"]):
        for a, b in runs:
            for f in range(a + 1, b):
                moves = []
                for i in (0, 1):
                    p, q = track[f][foot][i], track[f - 1][foot][i]
                    moves.append(((p.x - q.x) ** 2 + (p.y - q.y) ** 2) ** 0.5)
                dist += min(moves)
                frames += 1
    skate = 100 * dist / (frames / sample["fps"]) if frames else 0.0
    lowest = 100 * min(p.z for row in track for foot in row for p in foot[1:])
    # Planted feet: per contact, the median height of the toes' lowest point.
    planted = []
    for foot, runs in enumerate(sample["contacts"]):
        for a, b in runs:
            hs = sorted(min(p.z for p in track[f][foot][1:]) for f in range(a, b))
            planted.append(100 * hs[len(hs) // 2])
    return skate, lowest, (min(planted), max(planted)) if planted else (0.0, 0.0)


def check_cleaned(folder, problems):
    listing = os.path.join(folder, "cleaned.json")
    if not os.path.exists(listing):
        return 0
    with _open(listing) as f:
        samples = json.load(f)
    for sample in samples:
        before = skate_and_lowest(foot_track(os.path.join(folder, sample["source"]), sample), sample)
        after = skate_and_lowest(foot_track(os.path.join(folder, sample["clean"]), sample), sample)
        name = sample["clean"]
        print(f"dcc-check: {name}: in Blender, foot skate {before[0]:.2f} -> {after[0]:.2f} cm/s "
              f"(Singlecam said {sample['skate'][0]:.2f} -> {sample['skate'][1]:.2f}), "
              f"lowest toe {before[1]:+.2f} -> {after[1]:+.2f} cm, planted toes {after[2][0]:+.2f} to {after[2][1]:+.2f} cm "
              f"from the floor (Singlecam said {sample['planted'][1][0]:+.2f} to {sample['planted'][1][1]:+.2f}; "
              f"before, {sample['planted'][0][0]:+.2f} to {sample['planted'][0][1]:+.2f} from the floor it found)")
        if after[0] > 0.2 * before[0]:
            problems.append(f"{name}: foot skate {before[0]:.2f} -> {after[0]:.2f} cm/s in Blender, less than 80 % off")
        for got, said in zip((before[0], after[0]), sample["skate"]):
            if abs(got - said) > max(0.5, 0.1 * said):
                problems.append(f"{name}: Blender measures a foot skate of {got:.2f} cm/s where Singlecam said {said:.2f}")
        if after[1] < -1:
            problems.append(f"{name}: a toe reaches {after[1]:.2f} cm below the floor in Blender")
        if not -1 <= after[2][0] <= after[2][1] <= 1.5:
            problems.append(f"{name}: planted toes stand {after[2][0]:+.2f} to {after[2][1]:+.2f} cm from the floor in Blender, not on it")
    return 2 * len(samples)


def import_bvh(path, sample):
    # Blender's native space is Z up, -Y forward: a Z-up file (turned by
    # Singlecam so its front faces -Y) imports unchanged.
    if sample.get("up") == "z":
        up, forward = "Z", "-Y"
    else:
        up, forward = "Y", "-Z"
    bpy.ops.import_anim.bvh(filepath=path, axis_forward=forward, axis_up=up,
                            global_scale=1.0, use_fps_scale=False,
                            update_scene_fps=True, update_scene_duration=True)


def main():
    folder = sys.argv[sys.argv.index("--") + 1]
    samples = []
    for listing in ("samples.json", "exports.json", "sources.json"):
        p = os.path.join(folder, listing)
        if os.path.exists(p):
            with _open(p) as f:
                samples += json.load(f)
    problems = []
    for sample in samples:
        path = os.path.join(folder, sample["file"])
        reset(sample["fps"])
        if sample["format"] == "glb":
            bpy.ops.import_scene.gltf(filepath=path)
            check(path, sample, problems)
        elif sample["format"] == "bvh":
            import_bvh(path, sample)
            check(sample["file"], sample, problems)
        else:
            with zipfile.ZipFile(path) as z, tempfile.TemporaryDirectory() as tmp:
                names = [n for n in z.namelist() if n.lower().endswith(".bvh")]
                if len(names) != 1:
                    problems.append(f"{sample['file']}: {len(names)} BVH files, want 1")
                    continue
                z.extract(names[0], tmp)
                bvh = os.path.join(tmp, names[0])
                import_bvh(bvh, sample)
                check(f"{sample['file']}/{names[0]}", sample, problems)
    characters = check_characters(folder, problems)
    characters += check_cleaned(folder, problems)
    for p in problems:
        print("dcc-check: PROBLEM:", p)
    print(f"dcc-check: {len(samples) + characters} files, {len(problems)} problems")
    sys.exit(1 if problems else 0)


try:
    main()
except SystemExit:
    raise
except Exception as e:  # any import error fails the check
    print("dcc-check: PROBLEM:", repr(e))
    sys.exit(1)
