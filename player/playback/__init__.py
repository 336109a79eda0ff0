"""The playback facade (the one QMediaPlayer owner), its fake, the transport bar."""
