"""The video with its captions: the view, caption style, the video and chapter lists."""
