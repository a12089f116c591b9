# mq-lens: workload=online
"""Payment worker: consumes payment commands and publishes payment events."""
import pika
from confluent_kafka import Producer

events = Producer({
    "bootstrap.servers": "kafka-1:9092",
    "linger.ms": 100,
    "acks": "all",
})


def handle(channel, method, properties, body):
    events.produce("payments", body)


connection = pika.BlockingConnection(pika.URLParameters("amqp://guest:guest@rabbit:5672/%2F"))
channel = connection.channel()
channel.queue_declare(queue="payment-commands", durable=True)
channel.basic_consume(queue="payment-commands", on_message_callback=handle, auto_ack=True)
channel.start_consuming()
