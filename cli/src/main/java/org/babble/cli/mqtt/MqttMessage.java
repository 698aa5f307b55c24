package org.babble.cli.mqtt;

/**
 * One message to publish. Retained ones are the current state (a subscriber that comes later still sees it); the rest
 * are events. Every message is sent at QoS 1: at least once, which Home Assistant and Mosquitto both handle.
 */
record MqttMessage(String topic, String payload, boolean retained) {
    static MqttMessage retained(String topic, String payload) {
        return new MqttMessage(topic, payload, true);
    }

    static MqttMessage event(String topic, String payload) {
        return new MqttMessage(topic, payload, false);
    }
}
