"""Files as real machines make them, read as their makers meant or refused with their own message: zips named in
GBK, Shift-JIS or CP437, encrypted, holding a decompression bomb or a truncated photo; a phone photo stored
sideways, a digit photographed in uneven light, an iPhone's HEIC; spreadsheets' CSVs (a trailing delimiter,
Windows-1252, UTF-16, decimal commas, quoted thousands, numbers near float32's limit); weights holding NaN, and
.safetensors files."""
import io
import shutil
import struct
import subprocess
import zipfile
import zlib

import numpy as np
import pytest
import torch
from PIL import Image
from safetensors.torch import save as save_safetensors

from dlcore.lectures.draw import drawing
from dlcore.engine.checkpoints import WeightsError, load_weights, weights_bytes
from dlcore.datasets.folders import FolderError, read_image_folder, unpack_zip
from dlcore.datasets.images import denormalize, load_images
from dlcore.lectures.own_table.model import guess_task, predictions, prepare, read_csv, table_run
from dlcore.datasets.uploads import refusal


def png(color: str = "red", size=(40, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def bomb_png(width: int = 14_000, height: int = 14_000) -> bytes:
    """A PNG whose header says width × height (past Pillow's decompression-bomb limit): its data is never read."""
    data = bytearray(png())
    data[16:24] = struct.pack(">II", width, height)  # IHDR's width and height, then its CRC
    data[29:33] = struct.pack(">I", zlib.crc32(bytes(data[12:29])))
    return bytes(data)


class LegacyName(zipfile.ZipInfo):
    """A member whose name (a str of its bytes read as CP437) is written as those bytes, without the UTF-8 flag:
    zipfile itself flags every name that is not ASCII."""

    def _encodeFilenameFlags(self):
        return self.filename.encode("cp437"), self.flag_bits


def zip_named(files: dict[str, bytes], encoding: str | None) -> bytes:
    """A zip whose names are written in `encoding` without the UTF-8 flag, as Windows' Explorer writes them (None:
    UTF-8 with the flag, as zipfile writes them)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in files.items():
            archive.writestr(name if encoding is None else LegacyName(name.encode(encoding).decode("cp437")), content)
    return buffer.getvalue()


# ---------------------------------------------------------------- zips

@pytest.mark.parametrize("names, encoding, shown", [
    (("猫", "狗"), "gbk", "GBK/GB18030"),
    (("ねこ", "いぬ"), "shift_jis", "Shift-JIS"),
    (("Müller", "Gärten"), "cp437", "CP437 (DOS)"),
    (("chats_été", "chiens"), "utf-8", "UTF-8"),  # UTF-8 without the flag (some Linux and macOS tools)
    (("猫", "狗"), None, None),  # flagged UTF-8: read as it is, nothing to say
], ids=["gbk", "shift-jis", "cp437", "utf-8 unflagged", "utf-8 flagged"])
def test_zip_names_are_read_in_the_code_page_they_were_written_in(tmp_path, names, encoding, shown):
    files = {f"{name}/{number}.png": png(color) for name, color in zip(names, ("red", "blue")) for number in (1, 2)}
    splits = unpack_zip(zip_named(files, encoding), tmp_path)
    assert splits.encoding == shown
    assert read_image_folder(splits["all"]).classes == sorted(names)


def test_a_zip_protected_by_a_password_is_refused_with_its_own_message(tmp_path):
    if shutil.which("zip") is None:
        pytest.skip("the `zip` command is not installed (apt-get install zip): it makes the encrypted zip")
    for name in ("ants", "bees"):
        (tmp_path / "photos" / name).mkdir(parents=True)
        (tmp_path / "photos" / name / "1.png").write_bytes(png())
    subprocess.run(["zip", "-q", "-r", "-P", "secret", "locked.zip", "photos"], cwd=tmp_path, check=True)
    with pytest.raises(FolderError) as refused:
        unpack_zip((tmp_path / "locked.zip").read_bytes(), tmp_path / "out")
    assert refused.value.key == "folders.zip_encrypted"


def patched(data: bytes, local: tuple[int, bytes], central: tuple[int, bytes]) -> bytes:
    """The zip with bytes replaced at an offset of every local header and central-directory entry."""
    data = bytearray(data)
    for signature, (offset, value) in ((b"PK\x03\x04", local), (b"PK\x01\x02", central)):
        start = data.find(signature)
        while start >= 0:
            data[start + offset: start + offset + len(value)] = value
            start = data.find(signature, start + 1)
    return bytes(data)


def test_a_member_compressed_with_deflate64_or_damaged_is_named(tmp_path):
    stored = zip_named({"ants/1.png": png(), "bees/1.png": png("blue")}, None)
    deflate64 = patched(stored, (8, struct.pack("<H", 9)), (10, struct.pack("<H", 9)))  # method 9: Deflate64
    with pytest.raises(FolderError) as refused:
        unpack_zip(deflate64, tmp_path / "a")
    assert refused.value.key == "folders.zip_method" and refused.value.values == {"name": "ants/1.png"}
    damaged = bytearray(stored)
    damaged[60:64] = b"\xff\xff\xff\xff"  # inside the first member's data: its CRC no longer matches
    with pytest.raises(FolderError) as refused:
        unpack_zip(bytes(damaged), tmp_path / "b")
    assert refused.value.key == "folders.zip_damaged" and refused.value.values == {"name": "ants/1.png"}


def test_a_picture_past_the_pixel_limit_and_a_truncated_one_are_skipped_and_listed(tmp_path):
    photo = io.BytesIO()
    Image.new("RGB", (64, 48), "green").save(photo, format="JPEG")
    files = {"ants/1.png": png(), "ants/huge.png": bomb_png(), "bees/1.png": png("blue"),
             "bees/cut.jpg": photo.getvalue()[:300]}
    splits = unpack_zip(zip_named(files, None), tmp_path)
    images = read_image_folder(splits["all"])
    assert len(images) == 2
    skipped = {item.path.name: (item.reason, item.size) for item in images.skipped}
    assert skipped == {"huge.png": ("too_large", (14_000, 14_000)), "cut.jpg": ("unreadable", None)}


def test_an_image_that_fails_only_when_an_epoch_decodes_it_is_skipped_and_the_epoch_goes_on(tmp_path):
    for name, color in (("ants", "red"), ("bees", "blue")):
        (tmp_path / name).mkdir()
        for number in range(3):
            (tmp_path / name / f"{number}.png").write_bytes(png(color))
    images = read_image_folder(tmp_path, transform=lambda picture: torch.tensor(np.asarray(picture)).float().mean())
    (tmp_path / "bees" / "1.png").write_bytes(png("blue")[:60])  # damaged after it was checked
    loaded = list(torch.utils.data.DataLoader(images.dataset, batch_size=2))
    assert sum(len(labels) for _, labels in loaded) == 6  # the bad one's place is taken by the next image
    assert [(item.path.name, item.reason) for item in images.skipped] == [("1.png", "truncated")]


# ---------------------------------------------------------------- pictures of a digit

@pytest.fixture(scope="module")
def digits():
    mnist = load_images("mnist", download=False)
    return denormalize(mnist.test_x[:10], mnist)[:, 0].numpy()


def photo_of(ink: np.ndarray, light: np.ndarray | float = 1.0, orientation: int | None = None) -> bytes:
    """A JPEG of dark ink on white paper under `light` (1: even), stored rotated as a phone stores it when the
    EXIF orientation is given (6: to be turned 90° clockwise)."""
    gray = np.clip(255 * (0.92 - 0.8 * ink) * light + np.random.default_rng(0).normal(0, 4, ink.shape), 0, 255)
    picture = Image.fromarray(gray.astype(np.uint8)).convert("RGB")
    exif = Image.Exif()
    if orientation == 6:
        picture = picture.transpose(Image.Transpose.ROTATE_90)
        exif[0x0112] = 6
    buffer = io.BytesIO()
    picture.save(buffer, format="JPEG", quality=90, exif=exif)
    return buffer.getvalue()


def read_back(data: bytes) -> np.ndarray:
    return drawing.centred_digit(drawing.picture_ink(data)).numpy().ravel()


def large(digit: np.ndarray) -> np.ndarray:
    return np.kron(digit, np.ones((10, 10), np.float32))


def test_a_phone_photo_stored_sideways_is_read_upright(digits):
    for digit in digits[:5]:
        upright, sideways = read_back(photo_of(large(digit))), read_back(photo_of(large(digit), orientation=6))
        assert np.corrcoef(upright, sideways)[0, 1] > 0.98


def test_a_digit_photographed_in_uneven_light_and_shadow_reads_as_cleanly_as_a_scan(digits):
    """Light fading to 45 % across the page and a shadow (60 %) with a hard edge over the lower left: the digit
    read is the scan's (reading the paper from the border alone gave correlations of 0.1–0.6 here)."""
    y, x = np.mgrid[0:280, 0:280] / 280
    light = (1.0 - 0.55 * x) * np.where((y > 0.55) & (x < 0.6), 0.6, 1.0)
    alike = [np.corrcoef(read_back(photo_of(large(digit))), read_back(photo_of(large(digit), light)))[0, 1]
             for digit in digits]
    assert np.mean(alike) > 0.85 and min(alike) > 0.6, np.round(alike, 2)


@pytest.mark.parametrize("data, kind", [
    (b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + bytes(100), "HEIC"),
    (b'<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"><text>7</text></svg>', "SVG"),
], ids=["heic", "svg"])
def test_a_picture_in_a_format_pillow_cannot_open_is_named_with_what_to_do(data, kind):
    with pytest.raises(drawing.UnreadablePicture) as refused:
        drawing.picture_ink(data)
    assert refused.value.key == "draw.foreign_format" and refused.value.values == {"kind": kind}


def test_a_decompression_bomb_picture_is_refused_with_its_size():
    with pytest.raises(drawing.UnreadablePicture) as refused:
        drawing.picture_ink(bomb_png())
    assert refused.value.key == "draw.too_large"
    assert (refused.value.values["width"], refused.value.values["height"]) == (14_000, 14_000)


# ---------------------------------------------------------------- CSVs as spreadsheets save them

def rows(n: int = 20):
    return [(i * 1.5, (i % 3) * 1000 + i, "yes" if i % 2 else "no") for i in range(n)]


def test_a_delimiter_ending_every_line_is_an_empty_column_dropped_and_said():
    table = read_csv(("a,b,label,\n" + "".join(f"{a},{b},{c},\n" for a, b, c in rows())).encode())
    assert table.columns == ["a", "b", "label"] and table.notes == [("own_table.note.empty_columns", {"n": 1})]
    assert guess_task(table, "label") == "classification"


def test_a_file_saved_by_excel_on_a_western_windows_is_read_as_windows_1252():
    text = "ville,a,label\n" + "".join(f"Zürich {i},{a},{'été' if i % 2 else 'hiver'}\n" for i, (a, _, _) in
                                       enumerate(rows()))
    table = read_csv(text.encode("cp1252"))
    assert table.encoding == "Windows-1252" and table.cells["label"].iloc[1] == "été"
    assert table.cells["ville"].iloc[0] == "Zürich 0"


def test_excels_unicode_text_utf16_with_its_bom_and_tabs_is_read():
    text = "名字\ta\tlabel\n" + "".join(f"猫{i}\t{a}\t{c}\n" for i, (a, _, c) in enumerate(rows()))
    table = read_csv(text.encode("utf-16"))
    assert table.encoding == "UTF-16" and table.cells["名字"].iloc[0] == "猫0" and table.columns[-1] == "label"


def test_a_chinese_spreadsheets_gb18030_is_still_read():
    text = "名字,a,类别\n" + "".join(f"猫{i},{a},{'是' if i % 2 else '否'}\n" for i, (a, _, _) in enumerate(rows()))
    table = read_csv(text.encode("gb18030"))
    assert table.encoding == "GBK/GB18030" and table.cells["类别"].iloc[1] == "是"


def test_decimal_commas_with_semicolons_are_numbers_and_said():
    text = "a;b;label\n" + "".join(f"{a:.1f};{b};{c}\n".replace(".", ",") for a, b, c in rows())
    table = read_csv(text.encode())
    assert table.notes == [("own_table.note.decimal_comma", {"columns": "a"})]
    data = prepare(table, "label", "classification")
    assert data.features == ["a", "b"] and torch.isfinite(data.x).all() and table.cells["a"].iloc[3] == "4.5"


def test_a_file_of_decimal_commas_without_a_header_is_numbers_from_its_first_line():
    text = "".join(f"{a:.1f};{b};{c}\n".replace(".", ",") for a, b, c in rows())
    table = read_csv(text.encode())
    assert not table.header and table.cells["x1"].iloc[1] == "1.5" and len(table.cells) == 20


def test_thousands_separators_inside_quotes_are_read():
    text = "price,b,label\n" + "".join(f'"{a * 1000:,.2f}",{b},{c}\n' for a, b, c in rows())
    table = read_csv(text.encode())
    assert table.notes == [("own_table.note.thousands", {"columns": "price"})] and table.cells["price"].iloc[3] == "4500.00"


def test_numbers_near_float32s_limit_are_standardised_without_overflow_and_predicted_in_their_units():
    text = "a,b,y\n" + "".join(f"{3e38 + i * 1e36},{i},{(i % 7) * 1e300}\n" for i in range(30))
    data = prepare(read_csv(text.encode()), "y", "regression")
    assert torch.isfinite(data.x).all() and torch.isfinite(data.y).all() and data.x[:, 0].std() > 0.5
    run = table_run(data, {"activation1": "ReLU", "activation2": "ReLU", "optimizer": "Adam", "lr": 0.01,
                           "batch_size": 0, "epochs": 2}, "cpu")
    run.trainer.fit()
    assert np.isfinite(predictions(run.model, data)["prediction"].astype(float)).all()


# ---------------------------------------------------------------- weights

def test_weights_holding_nan_are_refused_naming_the_tensor():
    model = torch.nn.Sequential(torch.nn.Linear(3, 2))
    state = model.state_dict()
    state["0.bias"][1] = float("nan")
    with pytest.raises(WeightsError) as refused:
        load_weights(torch.nn.Sequential(torch.nn.Linear(3, 2)), save_safetensors(state))
    assert refused.value.key == "weights.not_finite"
    assert refused.value.values == {"name": "0.bias", "bad": 1, "total": 2}


def test_safetensors_files_load_beside_torch_save_files():
    trained, fresh = torch.nn.Linear(3, 2), torch.nn.Linear(3, 2)
    load_weights(fresh, save_safetensors(trained.state_dict()))
    torch.testing.assert_close(fresh.state_dict(), trained.state_dict())
    with pytest.raises(WeightsError) as refused:
        load_weights(torch.nn.Linear(4, 2), save_safetensors(trained.state_dict()))
    assert refused.value.key == "weights.shape"
    load_weights(fresh, weights_bytes(trained))  # torch.save's files still load


def test_an_error_no_reader_foresaw_is_said_in_one_line_with_the_files_name():
    assert refusal("w.pt", RuntimeError("bad thing\nat line 3")) == (
        "upload.unexpected", {"name": "w.pt", "error": "RuntimeError: bad thing"})
    assert refusal("w.pt", WeightsError("weights.not_state_dict")) == ("weights.not_state_dict", {"name": "w.pt"})
    assert refusal("w.pt", WeightsError("weights.shape", name="fc")) == ("weights.shape", {"name": "fc"})  # its own
