// image_decode.cpp: PNG (libpng simplified API), JPEG (libjpeg with a longjmp error handler) and P6 PPM decoding.
#include "image_decode.h"

#include <cctype>
#include <csetjmp>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>

#include <jpeglib.h>
#include <png.h>

namespace lectern::cli {

namespace {

Result<DecodedImage> decode_png(const std::vector<uint8_t>& bytes, const std::string& path) {
  png_image image;
  std::memset(&image, 0, sizeof image);
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
    return Status(ErrorCode::CorruptData, path + ": not a readable PNG (" + image.message + ")");
  image.format = PNG_FORMAT_RGB;
  DecodedImage out{image.width, image.height, std::vector<uint8_t>(PNG_IMAGE_SIZE(image))};
  if (!png_image_finish_read(&image, nullptr, out.rgb.data(), 0, nullptr)) {
    std::string msg = image.message;
    png_image_free(&image);
    return Status(ErrorCode::CorruptData, path + ": broken PNG (" + msg + ")");
  }
  return out;
}

struct JpegError {
  jpeg_error_mgr mgr;
  std::jmp_buf jump;
  char message[JMSG_LENGTH_MAX];
};

void jpeg_fail(j_common_ptr cinfo) {
  auto* err = reinterpret_cast<JpegError*>(cinfo->err);
  (*cinfo->err->format_message)(cinfo, err->message);
  std::longjmp(err->jump, 1);
}

Result<DecodedImage> decode_jpeg(const std::vector<uint8_t>& bytes, const std::string& path) {
  jpeg_decompress_struct cinfo;
  JpegError err;
  cinfo.err = jpeg_std_error(&err.mgr);
  err.mgr.error_exit = jpeg_fail;
  DecodedImage out;
  if (setjmp(err.jump)) {
    jpeg_destroy_decompress(&cinfo);
    return Status(ErrorCode::CorruptData, path + ": broken JPEG (" + std::string(err.message) + ")");
  }
  jpeg_create_decompress(&cinfo);
  jpeg_mem_src(&cinfo, bytes.data(), static_cast<unsigned long>(bytes.size()));
  jpeg_read_header(&cinfo, TRUE);
  cinfo.out_color_space = JCS_RGB;
  jpeg_start_decompress(&cinfo);
  out.width = cinfo.output_width;
  out.height = cinfo.output_height;
  out.rgb.resize(size_t{out.width} * out.height * 3);
  while (cinfo.output_scanline < cinfo.output_height) {
    JSAMPROW row = out.rgb.data() + size_t{cinfo.output_scanline} * out.width * 3;
    jpeg_read_scanlines(&cinfo, &row, 1);
  }
  jpeg_finish_decompress(&cinfo);
  jpeg_destroy_decompress(&cinfo);
  return out;
}

// Binary PPM: "P6 <w> <h> <maxval 255>" + raw RGB (comments after '#').
Result<DecodedImage> decode_ppm(const std::vector<uint8_t>& bytes, const std::string& path) {
  size_t i = 2;
  uint64_t fields[3] = {0, 0, 0};
  for (uint64_t& f : fields) {
    while (i < bytes.size() && (std::isspace(bytes[i]) || bytes[i] == '#')) {
      if (bytes[i] == '#')
        while (i < bytes.size() && bytes[i] != '\n') ++i;
      else
        ++i;
    }
    if (i >= bytes.size() || !std::isdigit(bytes[i])) return Status(ErrorCode::CorruptData, path + ": broken PPM header");
    while (i < bytes.size() && std::isdigit(bytes[i]) && f < 100000) f = f * 10 + (bytes[i++] - '0');
  }
  ++i;  // the single whitespace before the pixels
  if (fields[2] != 255) return Status(ErrorCode::Unsupported, path + ": only 8-bit PPM (maxval 255) is supported");
  const uint64_t n = fields[0] * fields[1] * 3;
  if (fields[0] == 0 || fields[1] == 0 || bytes.size() < i + n)
    return Status(ErrorCode::CorruptData, path + ": PPM pixel data is truncated");
  DecodedImage out{static_cast<uint32_t>(fields[0]), static_cast<uint32_t>(fields[1]), {}};
  out.rgb.assign(bytes.begin() + static_cast<std::ptrdiff_t>(i), bytes.begin() + static_cast<std::ptrdiff_t>(i + n));
  return out;
}

}  // namespace

Result<DecodedImage> decode_image_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return Status(ErrorCode::NotFound, "cannot open image '" + path + "'");
  std::vector<uint8_t> bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
  if (bytes.size() >= 8 && std::memcmp(bytes.data(), "\x89PNG\r\n\x1a\n", 8) == 0) return decode_png(bytes, path);
  if (bytes.size() >= 3 && bytes[0] == 0xff && bytes[1] == 0xd8 && bytes[2] == 0xff) return decode_jpeg(bytes, path);
  if (bytes.size() >= 2 && bytes[0] == 'P' && bytes[1] == '6') return decode_ppm(bytes, path);
  return Status(ErrorCode::Unsupported, "'" + path + "' is not a PNG, JPEG or binary PPM (P6) image");
}

}  // namespace lectern::cli
