"""The TF 1.x tutorial way of writing MNIST as TFRecords and reading it back with a queue pipeline.

Written against NumPy 1.x: `images[index].tostring()` for the raw bytes (removed in NumPy 2.3). Reads the
embedded MNIST subset with the contrib.learn reader (dtype=uint8, reshape=False), writes train.tfrecords,
then decodes it with string_input_producer + TFRecordReader + parse_single_example + decode_raw.
"""
import argparse
import json
import os
import sys

import numpy as np
import tensorflow as tf
from tensorflow.contrib.learn.python.learn.datasets import mnist

FLAGS = None


def _int64_feature(value):
    return tf.train.Feature(int64_list=tf.train.Int64List(value=[value]))


def _bytes_feature(value):
    return tf.train.Feature(bytes_list=tf.train.BytesList(value=[value]))


def convert_to(data_set, name, limit):
    images = data_set.images[:limit]
    labels = data_set.labels[:limit]
    rows, cols, depth = images.shape[1], images.shape[2], images.shape[3]
    filename = os.path.join(FLAGS.directory, name + '.tfrecords')
    writer = tf.python_io.TFRecordWriter(filename)
    for index in range(images.shape[0]):
        image_raw = images[index].tostring()
        example = tf.train.Example(features=tf.train.Features(feature={
            'height': _int64_feature(rows), 'width': _int64_feature(cols), 'depth': _int64_feature(depth),
            'label': _int64_feature(int(labels[index])), 'image_raw': _bytes_feature(image_raw)}))
        writer.write(example.SerializeToString())
    writer.close()
    return filename, images, labels


def read_back(filename, count):
    queue = tf.train.string_input_producer([filename], num_epochs=1, shuffle=False)
    reader = tf.TFRecordReader()
    _, serialized = reader.read(queue)
    features = tf.parse_single_example(serialized, features={
        'image_raw': tf.FixedLenFeature([], tf.string), 'label': tf.FixedLenFeature([], tf.int64)})
    image = tf.reshape(tf.decode_raw(features['image_raw'], tf.uint8), [28, 28, 1])
    label = tf.cast(features['label'], tf.int32)
    decoded_images, decoded_labels = [], []
    with tf.Session() as sess:
        sess.run([tf.global_variables_initializer(), tf.local_variables_initializer()])
        coord = tf.train.Coordinator()
        threads = tf.train.start_queue_runners(sess=sess, coord=coord)
        try:
            while not coord.should_stop():
                one_image, one_label = sess.run([image, label])
                decoded_images.append(one_image)
                decoded_labels.append(int(one_label))
        except tf.errors.OutOfRangeError:
            pass
        finally:
            coord.request_stop()
        coord.join(threads)
    return np.array(decoded_images), decoded_labels


def main(unused_argv):
    data_sets = mnist.read_data_sets(FLAGS.data_dir, dtype=tf.uint8, reshape=False, validation_size=0)
    filename, images, labels = convert_to(data_sets.train, 'train', FLAGS.count)
    decoded, decoded_labels = read_back(filename, FLAGS.count)
    print('RESULT ' + json.dumps({
        'records': len(decoded_labels), 'labels_equal': decoded_labels == [int(l) for l in labels],
        'images_equal': bool(np.array_equal(decoded, images)), 'shape': list(decoded.shape),
        'file_bytes': os.path.getsize(filename), 'ink': int(decoded.sum())}))


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--directory', type=str, required=True)
    parser.add_argument('--data_dir', type=str, required=True)
    parser.add_argument('--count', type=int, default=20)
    FLAGS, unparsed = parser.parse_known_args()
    tf.app.run(main=main, argv=[sys.argv[0]] + unparsed)
